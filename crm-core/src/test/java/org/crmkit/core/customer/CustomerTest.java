package org.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.google.common.testing.EqualsTester;

import org.crmkit.core.Fixtures;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.agreement.Agreement;
import org.crmkit.core.agreement.AgreementId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomerTest {
    private static final Instant T0 = Fixtures.T0;

    private static Customer.Builder minimal() {
        return Customer.builder().id(CustomerId.of("c-1")).name(Name.person("Mei", null)).createdAt(T0);
    }

    @Test
    void firstContactOfEachKind_becomesPrimaryWhenNoneIsMarked() {
        EmailAddress work = EmailAddress.of("mei@work.example");
        EmailAddress home = EmailAddress.of("mei@home.example");
        PhoneNumber phone = PhoneNumber.of("+12135550142");
        Customer c = minimal().contactPoints(List.of(ContactPoint.of(work), ContactPoint.of(phone),
                new ContactPoint(home, true, false, "home"))).build();
        assertEquals(work, c.primaryContact(ContactKind.EMAIL).orElseThrow().address());
        assertEquals(phone, c.primaryContact(ContactKind.PHONE).orElseThrow().address());
        assertTrue(c.primaryContact(ContactKind.POSTAL).isEmpty());
    }

    @Test
    void twoPrimariesOfOneKind_areRefused() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> minimal().contactPoints(List.of(
                new ContactPoint(EmailAddress.of("a@x.example"), false, true, null),
                new ContactPoint(EmailAddress.of("b@x.example"), false, true, null))).build());
        assertEquals("contactPoints must have at most one primary EMAIL", e.getMessage());
    }

    @Test
    void addingAPrimaryContact_demotesTheOldPrimaryOfThatKind() {
        Customer c = minimal().addContactPoint(ContactPoint.of(EmailAddress.of("old@x.example"))).build()
                .withContactPoint(new ContactPoint(EmailAddress.of("new@x.example"), true, true, null));
        assertEquals(EmailAddress.of("new@x.example"), c.primaryContact(ContactKind.EMAIL).orElseThrow().address());
        assertEquals(1, c.contactPoints().stream().filter(ContactPoint::primary).count());
    }

    @Test
    void kindAndName_mustAgree() {
        assertThrows(RuleViolationException.class, () -> minimal().kind(CustomerKind.ORGANIZATION).build());
        assertEquals(CustomerKind.GOVERNMENT, minimal().kind(CustomerKind.GOVERNMENT)
                .name(Name.organization("City of Springfield")).build().kind());
    }

    @Test
    void missingRequiredValue_namesTheField() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Customer.builder().id(CustomerId.of("c")).createdAt(T0).build());
        assertEquals("name", e.getMessage());
    }

    @Test
    void tags_areNormalisedCodes() {
        assertEquals("tag must be lower-case letters, digits, '_', '.' or '-' (1-64): 'VIP guest'",
                assertThrows(RuleViolationException.class, () -> minimal().tags(List.of("VIP guest")).build())
                        .getMessage());
        assertEquals(List.of("a", "b"), List.copyOf(minimal().tags(List.of("b", "a", "b")).build().tags()));
    }

    @Test
    void toString_showsNoContactDataOrCards() {
        String text = Fixtures.fullGuest().toString();
        assertEquals("Customer[guest-1, PERSON, Mei Lin, v3]", text);
        assertFalse(text.contains("example.com"));
    }

    @Test
    void equality_isByValue() {
        new EqualsTester()
                .addEqualityGroup(Fixtures.fullGuest(), Fixtures.fullGuest(), Fixtures.fullGuest().toBuilder().build())
                .addEqualityGroup(Fixtures.fullGuest().withVersion(4))
                .addEqualityGroup(Fixtures.fullGuest().withLifecycleStage(LifecycleStage.LAPSED))
                .testEquals();
    }

    @Test
    @DisplayName("C1: while the annual agreement is valid, a rental needs no signature")
    void annualAgreementSparesTheSignatureOnlyWhileValid() {
        Instant signed = Instant.parse("2026-01-10T09:00:00Z");
        Agreement annual = new Agreement(AgreementId.of("ra-2026"), "rental-annual", signed, signed,
                signed.plusSeconds(365L * 86_400));
        Customer member = minimal().build().withAgreement(annual);
        assertTrue(member.validAgreement("rental-annual", Instant.parse("2026-07-01T12:00:00Z")).isPresent());
        assertTrue(member.validAgreement("rental-annual", Instant.parse("2027-01-10T09:00:00Z")).isEmpty());
        assertTrue(member.validAgreement("rental-annual", Instant.parse("2026-01-10T08:59:59Z")).isEmpty());
    }

    @Test
    void specialDate_leapDayBirthdayFallsOnTheTwentyEighthInOtherYears() {
        SpecialDate birthday = SpecialDate.of(Occasion.BIRTHDAY, java.time.LocalDate.of(1988, 2, 29));
        assertTrue(birthday.fallsOn(java.time.LocalDate.of(2026, 2, 28)));
        assertTrue(birthday.fallsOn(java.time.LocalDate.of(2028, 2, 29)));
        assertFalse(birthday.fallsOn(java.time.LocalDate.of(2028, 2, 28)));
    }
}
