package org.crmkit.core.unify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.Occasion;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.SpecialDate;

/** Identity resolution's comparisons, explanations and limits, on a small population of pairs. */
class IdentityResolverTest {
    private static final String[] GIVEN = {"robert", "william", "anna", "julia", "paul", "mia", "oscar", "lena",
        "jonas", "grace", "henry", "emma"};
    private static final IdentityResolver RESOLVER = IdentityResolver.create();
    private static final List<Customer> PEOPLE = population();
    private static final MatchModel MODEL = RESOLVER.resolve(PEOPLE).model();

    @Test
    void phoneNumbersInNationalFormAreReadWithTheirRegion() {
        assertEquals("+442079460958", PhoneNumber.of("020 7946 0958", "GB").value());
        assertEquals("+4915123456789", PhoneNumber.of("0151 23456789", "DE").value());
        assertEquals("+12125550100", PhoneNumber.of("+1 (212) 555-0100", "GB").value(), "international as given");
        RuleViolationException region = assertThrows(RuleViolationException.class,
                () -> PhoneNumber.of("020 7946 0958", "XX"));
        assertTrue(region.getMessage().contains("region") && region.getMessage().contains("'XX'"), region::getMessage);
        RuleViolationException tooShort = assertThrows(RuleViolationException.class, () -> PhoneNumber.of("12", "GB"));
        assertTrue(tooShort.getMessage().contains("phone") && tooShort.getMessage().contains("'12'"),
                tooShort::getMessage);
        assertThrows(RuleViolationException.class, () -> PhoneNumber.of("not a number", "GB"));
    }

    @Test
    void theSamePeopleAreFoundAndStrangersAreNot() {
        Resolution r = RESOLVER.resolve(PEOPLE);
        assertTrue(r.model().converged(), r.model()::toString);
        assertTrue(r.candidatePairs() < (long) PEOPLE.size() * PEOPLE.size() / 20, "blocking compares few pairs");
        int right = 0;
        for (CandidateMatch m : r.matches(MatchDecision.MERGE)) {
            assertEquals(person(m.left()), person(m.right()), m::toString);
            right++;
        }
        assertTrue(right >= PEOPLE.size() / 2 * 0.9, "found " + right + " of " + PEOPLE.size() / 2);
    }

    @Test
    void nicknamesAreCloseAndSwappedNamesAgree() {
        Customer bob = person("x-1", "Bob", "Marley", "bob@a.example");
        Customer robert = person("x-2", "Robert", "Marley", "robert@b.example");
        FieldEvidence given = RESOLVER.explain(bob, robert, MODEL).fields().get(MatchField.GIVEN_NAME.ordinal());
        assertEquals(Optional.of(Agreement.CLOSE), given.agreement());

        Customer swapped = person("x-3", "Marley", "Bob", null);
        MatchExplanation e = RESOLVER.explain(bob, swapped, MODEL);
        assertTrue(e.namesSwapped());
        assertEquals(Optional.of(Agreement.EXACT), e.fields().get(MatchField.GIVEN_NAME.ordinal()).agreement());
        assertEquals(Optional.of(Agreement.EXACT), e.fields().get(MatchField.FAMILY_NAME.ordinal()).agreement());
        assertTrue(e.render().contains("compared the other way round"), e::render);
    }

    @Test
    void aBirthDayWithDayAndMonthTransposedIsClose() {
        Customer a = withBirth(person("y-1", "Anna", "Lind", null), LocalDate.of(1980, 3, 7));
        Customer b = withBirth(person("y-2", "Anna", "Lind", null), LocalDate.of(1980, 7, 3));
        Customer c = withBirth(person("y-3", "Anna", "Lind", null), LocalDate.of(1981, 9, 7));
        assertEquals(Optional.of(Agreement.CLOSE),
                RESOLVER.explain(a, b, MODEL).fields().get(MatchField.BIRTH_DATE.ordinal()).agreement());
        assertEquals(Optional.of(Agreement.DIFFERENT),
                RESOLVER.explain(a, c, MODEL).fields().get(MatchField.BIRTH_DATE.ordinal()).agreement());
    }

    @Test
    void aHouseholdIsNeverMergedUnreviewed() {
        Customer mother = at(person("z-1", "Grace", "Okonkwo", null), "12 Mill Lane", "AB1 2CD", "+442079460958");
        Customer son = at(person("z-2", "Oscar", "Okonkwo", null), "12 Mill Lane", "AB1 2CD", "+442079460958");
        MatchExplanation e = RESOLVER.explain(mother, son, MODEL);
        assertEquals(Optional.of(Agreement.EXACT), e.fields().get(MatchField.ADDRESS.ordinal()).agreement(),
                "a fixed line is a household's, compared with the address");
        assertEquals(Optional.empty(), e.fields().get(MatchField.PHONE.ordinal()).agreement());
        assertNotEquals(MatchDecision.MERGE, e.decision(), e::render);
    }

    @Test
    void agreeingOnARareNameWeighsMoreThanOnACommonOne() {
        Customer common1 = person("c-1", "Anna", "Smith", null);
        Customer common2 = person("c-2", "Anna", "Smith", null);
        Customer rare1 = person("c-3", "Anna", "Quenneville", null);
        Customer rare2 = person("c-4", "Anna", "Quenneville", null);
        double common = RESOLVER.explain(common1, common2, MODEL).fields().get(MatchField.FAMILY_NAME.ordinal())
                .weight();
        double rare = RESOLVER.explain(rare1, rare2, MODEL).fields().get(MatchField.FAMILY_NAME.ordinal()).weight();
        assertTrue(rare > common + 3, "rare " + rare + " bits, common " + common + " bits");
    }

    @Test
    void anExplanationDoesNotDependOnTheOrderAsked() {
        Customer a = PEOPLE.get(0);
        Customer b = PEOPLE.get(1);
        assertEquals(RESOLVER.explain(a, b, MODEL).weight(), RESOLVER.explain(b, a, MODEL).weight(), 1e-12);
    }

    @Test
    void badInputIsRefusedByName() {
        Customer a = person("d-1", "Anna", "Lind", null);
        RuleViolationException twice = assertThrows(RuleViolationException.class,
                () -> RESOLVER.resolve(List.of(a, a)));
        assertTrue(twice.getMessage().contains("d-1"), twice::getMessage);
        List<Customer> withNull = new ArrayList<>(List.of(a));
        withNull.add(null);
        RuntimeException nothing = assertThrows(RuntimeException.class, () -> RESOLVER.resolve(withNull));
        assertTrue(nothing.getMessage().contains("profiles element"), nothing::getMessage);
        assertThrows(RuleViolationException.class, () -> IdentityResolver.builder().thresholds(Double.NaN, 0.5));
        RuleViolationException order = assertThrows(RuleViolationException.class,
                () -> IdentityResolver.builder().thresholds(0.9, 0.5));
        assertTrue(order.getMessage().contains("merge threshold"), order::getMessage);
        assertThrows(RuleViolationException.class, () -> IdentityResolver.builder().thresholds(-0.1, 0.5));
        assertThrows(RuleViolationException.class, () -> IdentityResolver.builder().maxBlock(1));
    }

    @Test
    void aSharedIdentifierIsEvidence_butNotAloneBetweenTwoDifferentNames() {
        // Merging at any probability, so that only the rules keep a pair from merging.
        IdentityResolver byCar = IdentityResolver.builder().identifiers("vin").thresholds(0, 0).build();
        List<Customer> withCars = new ArrayList<>();
        for (Customer c : PEOPLE) {
            withCars.add(c.toBuilder().putAttribute("vin", AttributeValue.text("wvw-" + person(c.id()))).build());
        }
        MatchModel model = byCar.resolve(withCars).model();
        assertTrue(model.m(MatchField.IDENTIFIER, Agreement.EXACT) > 0.9, model::toString);

        Customer seller = car(person("v-1", "Anna", "Lind", null), "WVW-ZZZ 1K Z6W 000001");
        Customer sameOwner = car(person("v-2", "Anna", "Lind", null), "wvwzzz1kz6w000001");
        Customer buyer = car(person("v-3", "Oscar", "Berg", null), "WVWZZZ1KZ6W000001");
        MatchExplanation same = byCar.explain(seller, sameOwner, model);
        assertEquals(Optional.of(Agreement.EXACT), same.fields().get(MatchField.IDENTIFIER.ordinal()).agreement(),
                "compared in upper-case letters and digits");
        assertEquals(MatchDecision.MERGE, same.decision(), same::render);
        MatchExplanation soldOn = byCar.explain(seller, buyer, model);
        assertEquals(Optional.of(Agreement.EXACT), soldOn.fields().get(MatchField.IDENTIFIER.ordinal()).agreement());
        assertEquals(MatchDecision.REVIEW, soldOn.decision(), "a car sold on: " + soldOn.render());

        assertEquals(Optional.empty(), RESOLVER.explain(seller, sameOwner, MODEL).fields()
                .get(MatchField.IDENTIFIER.ordinal()).agreement(), "no identifier named: no evidence");
        Customer numeric = person("v-4", "Anna", "Lind", null).toBuilder().putAttribute("vin",
                AttributeValue.number(java.math.BigDecimal.ONE)).build();
        assertEquals(Optional.empty(), byCar.explain(seller, numeric, model).fields()
                .get(MatchField.IDENTIFIER.ordinal()).agreement(), "only text identifiers are compared");
        RuleViolationException blank = assertThrows(RuleViolationException.class,
                () -> IdentityResolver.builder().identifiers("vin", " "));
        assertTrue(blank.getMessage().contains("identifier name"), blank::getMessage);
    }

    private static Customer car(Customer c, String vin) {
        return c.toBuilder().putAttribute("vin", AttributeValue.text(vin)).build();
    }

    @Test
    void noProfilesGiveNoMatches() {
        Resolution r = RESOLVER.resolve(List.of());
        assertEquals(List.of(), r.matches());
        assertEquals(List.of(), r.clusters());
        assertFalse(r.model().converged());
    }

    /** 400 people, each twice, the second time with a nickname, a typo, a new email or no phone. */
    private static List<Customer> population() {
        Random random = new Random(5);
        List<Customer> out = new ArrayList<>();
        for (int p = 0; p < 400; p++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = p % 10 == 0 ? "Smith" : "Fam" + Integer.toString(random.nextInt(20_000), 36);
            LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String phone = "+4477009" + String.format("%05d", p);
            String street = (1 + random.nextInt(90)) + " Station Road";
            String postcode = "AB" + (1 + random.nextInt(20)) + " " + random.nextInt(10) + "XY";
            for (int copy = 0; copy < 2; copy++) {
                String g = copy == 1 && given.equals("robert") ? "Bob" : given;
                String f = copy == 1 && random.nextInt(5) == 0 ? family.substring(0, family.length() - 1) : family;
                String email = copy == 1 && random.nextInt(4) == 0 ? given + p + "@new.example"
                        : given + "." + family + p + "@old.example";
                Customer c = at(person("p" + p + "-" + copy, g, f, email), street, postcode,
                        copy == 1 && random.nextInt(3) == 0 ? null : phone);
                out.add(random.nextBoolean() ? withBirth(c, birth) : c);
            }
        }
        return out;
    }

    private static int person(CustomerId id) {
        return Integer.parseInt(id.value().substring(1, id.value().indexOf('-')));
    }

    private static Customer person(String id, String given, String family, String email) {
        Customer.Builder b = Customer.builder().id(CustomerId.of(id)).name(Name.person(given, family))
                .createdAt(Instant.parse("2026-01-01T00:00:00Z"));
        if (email != null) {
            b.contactPoints(List.of(ContactPoint.of(EmailAddress.of(email))));
        }
        return b.build();
    }

    private static Customer at(Customer c, String street, String postcode, String phone) {
        List<ContactPoint> contacts = new ArrayList<>(c.contactPoints());
        contacts.add(ContactPoint.of(PostalAddress.of(street, postcode, "London", "GB")));
        if (phone != null) {
            contacts.add(ContactPoint.of(PhoneNumber.of(phone)));
        }
        return c.toBuilder().contactPoints(contacts).build();
    }

    private static Customer withBirth(Customer c, LocalDate birth) {
        return c.toBuilder().specialDates(List.of(SpecialDate.of(Occasion.BIRTHDAY, birth))).build();
    }
}
