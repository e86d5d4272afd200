package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.privacy.CustomerExport;
import org.crmkit.core.privacy.ErasureCertificate;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryCouponStore;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.reward.Campaign;
import org.crmkit.loyalty.reward.Coupon;
import org.crmkit.loyalty.reward.Rewards;
import org.junit.jupiter.api.Test;

/** Erasure, export and merge reach the loyalty module when its participant is registered on the facade. */
class LoyaltyDataRightsTest {
    private final MutableClock clock = MutableClock.at(JAN_2026);
    private final Program program = Program.builder("store", "Store points", USD)
            .earningRules(EarningRule.perSpend("base", dec("1")).qualifying(true).build())
            .tiers(Tier.base("member"), Tier.base("gold").withQualifyingPoints(1000)).build();
    private final Ledger ledger = Books.ledger(program, clock);
    private final LoyaltyDataRights rights = LoyaltyDataRights.of(ledger);
    private final List<CrmEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder().clock(clock).listener(events::add).erasureParticipant(rights)
            .exportContributor(rights).mergeParticipant(rights).build();

    private Customer customer(String given) {
        return crm.createCustomer(b -> b.name(Name.person(given, "Okafor")));
    }

    private MemberNumber memberWithHistory(Customer c, String number) {
        MemberNumber m = ledger.enroll(MemberNumber.of(number), c.id()).number();
        ledger.post(new Posting.Accrue(m, IdempotencyKey.of(number.toLowerCase() + "-bday"), 500, false,
                clock.instant(), "birthday bonus for " + c.name().display(), Source.agent("a1")));
        ledger.post(new Posting.Redeem(m, IdempotencyKey.of(number.toLowerCase() + "-gift"), 200, null,
                clock.instant(), "engraved pen for " + c.name().display(), Source.agent("a1")));
        return m;
    }

    @Test
    void erasureUnlinksTheMemberAndErasesEveryFreeTextButKeepsTheArithmetic() {
        Customer daniel = customer("Daniel");
        MemberNumber m = memberWithHistory(daniel, "DAN-001");
        Statement before = ledger.statement(m, JAN_2026.atZone(USD_ZONE).toLocalDate(),
                JAN_2026.atZone(USD_ZONE).toLocalDate());

        ErasureCertificate cert = crm.erase(daniel.id());

        assertTrue(ledger.members().findByCustomer("store", daniel.id()).isEmpty(), "found by the erased id");
        Member kept = ledger.members().findById(m).orElseThrow();
        assertTrue(kept.customerId().value().startsWith("erased-"));
        for (LedgerEntry e : ledger.entries(m)) {
            assertFalse(CrmJson.write(e, LedgerEntry.class).contains("Daniel"), CrmJson.write(e, LedgerEntry.class));
            assertEquals(LoyaltyDataRights.ERASED, e.stamp().reason());
        }
        assertEquals(300, ledger.balance(m));
        Statement after = ledger.statement(m, before.from(), before.to());
        assertEquals(before.opening(), after.opening());
        assertEquals(before.closing(), after.closing());
        assertTrue(cert.erased().stream().anyMatch(s -> s.contains("member DAN-001 unlinked")), cert.erased().toString());
        assertTrue(events.stream().noneMatch(CrmEvent.CustomerUpdated.class::isInstance),
                "no event links the customer to the anonymous id: " + events);
        assertFalse(crm.erase(daniel.id()).profileDeleted(), "a second erasure finds nothing to do");
    }

    @Test
    void anErasureRunAgainAfterTheMemberWasUnlinkedStillErasesTheLedgerText() {
        Customer daniel = customer("Daniel");
        MemberNumber m = memberWithHistory(daniel, "DAN-002");
        CustomerId anonymous = CustomerId.of("erased-fixed");
        ledger.members().save(ledger.members().findById(m).orElseThrow().toBuilder().customerId(anonymous).build());
        String line = rights.erase(daniel.id(), anonymous);
        assertTrue(line.contains("DAN-002"), line);
        assertTrue(ledger.entries(m).stream().allMatch(e -> e.stamp().reason().equals(LoyaltyDataRights.ERASED)));
    }

    @Test
    void theExportCarriesTheMembershipsLedgerAndStatementAndReadsBack() {
        Customer ann = customer("Ann");
        MemberNumber m = memberWithHistory(ann, "ANN-001");
        CustomerExport export = crm.export(ann.id());
        assertEquals(CustomerExport.FORMAT, export.format());
        CustomerExport back = CrmJson.read(CrmJson.write(export), CustomerExport.class);
        assertEquals(export, back);
        List<LoyaltyDataRights.Membership> memberships = LoyaltyDataRights.read(back.sections().get("loyalty"));
        assertEquals(1, memberships.size());
        assertEquals(m, memberships.get(0).member().number());
        assertEquals(300, memberships.get(0).balance());
        assertEquals(ledger.entries(m), memberships.get(0).entries());
        assertEquals(300, memberships.get(0).statement().closing());
        assertEquals(List.of(), memberships.get(0).coupons(), "no coupon store, no coupons");
    }

    @Test
    void theExportListsTheMembersCouponsWhenGivenTheirStore() {
        InMemoryCouponStore store = new InMemoryCouponStore();
        Rewards rewards = Rewards.builder(ledger).clock(clock).store(store).campaign(Campaign.builder("coffee")
                .description("a free coffee").value(Money.of("3.00", "USD"))
                .validity(JAN_2026, JAN_2026.plus(Duration.ofDays(30))).build()).build();
        Crm withCoupons = Crm.builder().clock(clock).exportContributor(rights.withCoupons(store)).build();
        Customer ann = withCoupons.createCustomer(b -> b.name(Name.person("Ann", "Okafor")));
        MemberNumber m = memberWithHistory(ann, "ANN-002");
        Coupon coffee = rewards.issue("coffee", m, IdempotencyKey.of("welcome"));
        List<LoyaltyDataRights.Membership> memberships = LoyaltyDataRights.read(CrmJson.read(CrmJson.write(
                withCoupons.export(ann.id())), CustomerExport.class).sections().get("loyalty"));
        assertEquals(List.of(coffee), memberships.get(0).coupons());
    }

    @Test
    void aMergeMovesTheDuplicatesMembershipToTheSurvivor() {
        Customer survivor = customer("Ana");
        Customer duplicate = customer("Anna");
        MemberNumber m = memberWithHistory(duplicate, "ANN-777");
        crm.merge(survivor.id(), duplicate.id());
        assertEquals(m, ledger.members().findByCustomer("store", survivor.id()).orElseThrow().number());
        assertTrue(ledger.members().findByCustomer("store", duplicate.id()).isEmpty());
        assertEquals(300, ledger.balance(m));
    }

    @Test
    void whenBothWereMembersTheSurvivorKeepsItsMembershipAndGainsTheDuplicatesBalanceOnce() {
        Customer survivor = customer("Ana");
        Customer duplicate = customer("Anna");
        MemberNumber kept = memberWithHistory(survivor, "ANA-100");
        MemberNumber gone = memberWithHistory(duplicate, "ANN-200");
        clock.advance(Duration.ofDays(1));
        crm.merge(survivor.id(), duplicate.id());
        rights.merged(survivor.id(), duplicate.id());
        assertEquals(kept, ledger.members().findByCustomer("store", survivor.id()).orElseThrow().number());
        assertTrue(ledger.members().findById(gone).isEmpty());
        assertEquals(List.of(), ledger.store().entries(gone, 0, 10));
        assertEquals(600, ledger.balance(kept), "300 of its own and 300 moved over, once");
        LedgerEntry moved = ledger.entries(kept).get(ledger.entries(kept).size() - 1);
        assertEquals("merged from member ANN-200", moved.stamp().reason());
    }

    @Test
    void undoingAMergeLinksAMovedMembershipBack() {
        Customer survivor = customer("Ana");
        Customer duplicate = customer("Anna");
        MemberNumber m = memberWithHistory(duplicate, "ANN-777");
        crm.merge(survivor.id(), duplicate.id());
        crm.unmerge(duplicate.id());
        assertEquals(m, ledger.members().findByCustomer("store", duplicate.id()).orElseThrow().number());
        assertTrue(ledger.members().findByCustomer("store", survivor.id()).isEmpty());
        assertEquals(300, ledger.balance(m));
    }

    @Test
    void undoingAMergeOfTwoMembersRestoresTheDeletedLedgerAndTakesTheCreditBack() {
        Customer survivor = customer("Ana");
        Customer duplicate = customer("Anna");
        MemberNumber kept = memberWithHistory(survivor, "ANA-100");
        MemberNumber gone = memberWithHistory(duplicate, "ANN-200");
        List<LedgerEntry> goneEntries = ledger.entries(gone);
        clock.advance(Duration.ofDays(1));
        crm.merge(survivor.id(), duplicate.id());
        assertEquals(600, ledger.balance(kept));

        clock.advance(Duration.ofDays(1));
        crm.unmerge(duplicate.id());
        assertEquals(gone, ledger.members().findByCustomer("store", duplicate.id()).orElseThrow().number());
        assertEquals(goneEntries, ledger.entries(gone), "the deleted ledger is back, entry for entry");
        assertEquals(300, ledger.balance(gone));
        assertEquals(300, ledger.balance(kept));
        LedgerEntry back = ledger.entries(kept).get(ledger.entries(kept).size() - 1);
        assertEquals("merge with member ANN-200 undone: 300 points credited", back.stamp().reason());
        assertEquals(-300, ((LedgerEntry.Adjustment) back).points());

        rights.unmerged(survivor.id(), duplicate.id(), crm.findMergeRecord(duplicate.id()).orElseThrow()
                .participants().values().stream().findFirst());
        assertEquals(300, ledger.balance(kept), "undoing again takes nothing more");
        assertEquals(goneEntries, ledger.entries(gone));
    }

    @Test
    void aMergeMovesTheDeletedMembershipsCouponsToTheSurvivorAndUndoingItMovesThemBack() {
        InMemoryCouponStore store = new InMemoryCouponStore();
        Rewards rewards = Rewards.builder(ledger).clock(clock).store(store).campaign(Campaign.builder("coffee")
                .description("a free coffee").value(Money.of("3.00", "USD")).perMember(2)
                .validity(JAN_2026, JAN_2026.plus(Duration.ofDays(30))).build()).build();
        LoyaltyDataRights withCoupons = rights.withCoupons(store);
        Crm both = Crm.builder().clock(clock).mergeParticipant(withCoupons).build();
        Customer survivor = both.createCustomer(b -> b.name(Name.person("Ana", "Okafor")));
        Customer duplicate = both.createCustomer(b -> b.name(Name.person("Anna", "Okafor")));
        MemberNumber kept = memberWithHistory(survivor, "ANA-100");
        MemberNumber gone = memberWithHistory(duplicate, "ANN-200");
        // The same list key for both: the moved coupon must not collide with the survivor's.
        Coupon survivors = rewards.issue("coffee", kept, IdempotencyKey.of("list:2026-01-05:coffee"));
        Coupon duplicates = rewards.issue("coffee", gone, IdempotencyKey.of("list:2026-01-05:coffee"));

        both.merge(survivor.id(), duplicate.id());
        assertEquals(List.of(survivors.code(), duplicates.code()).stream().sorted().toList(),
                rewards.coupons(kept).stream().map(Coupon::code).sorted().toList());
        assertEquals(Coupon.Status.REDEEMED, rewards.redeem(duplicates.code(), kept, "sale-9").status(),
                "the survivor's card redeems the duplicate's coupon");

        both.unmerge(duplicate.id());
        assertEquals(List.of(survivors.code()), rewards.coupons(kept).stream().map(Coupon::code).toList());
        Coupon back = rewards.coupons(gone).get(0);
        assertEquals(duplicates.code(), back.code());
        assertEquals(duplicates.key(), back.key(), "under its own key again");
        assertEquals(Coupon.Status.REDEEMED, back.status(), "as it stands: redeemed since the merge");
    }

    @Test
    void creditSpentSinceTheMergeIsNotTakenBelowZero() {
        Customer survivor = customer("Ana");
        Customer duplicate = customer("Anna");
        MemberNumber kept = memberWithHistory(survivor, "ANA-100");
        memberWithHistory(duplicate, "ANN-200");
        crm.merge(survivor.id(), duplicate.id());
        ledger.post(new Posting.Redeem(kept, IdempotencyKey.of("weekend"), 500, null, clock.instant(),
                "weekend away", Source.agent("a1")));
        crm.unmerge(duplicate.id());
        assertEquals(0, ledger.balance(kept));
        LedgerEntry back = ledger.entries(kept).get(ledger.entries(kept).size() - 1);
        assertEquals("merge with member ANN-200 undone: 300 points credited; 200 of it spent since, not taken back",
                back.stamp().reason());
    }

    @Test
    void erasingTheSurvivorDeletesTheKeptLedgerOfTheDuplicateWithTheMergeRecord() {
        Customer survivor = customer("Ana");
        Customer duplicate = customer("Anna");
        memberWithHistory(survivor, "ANA-100");
        memberWithHistory(duplicate, "ANN-200");
        crm.merge(survivor.id(), duplicate.id());
        assertTrue(CrmJson.write(crm.findMergeRecord(duplicate.id()).orElseThrow()).contains("engraved pen for Anna"));
        crm.erase(survivor.id());
        assertTrue(crm.findMergeRecord(duplicate.id()).isEmpty());
    }

    private static final java.time.ZoneId USD_ZONE = java.time.ZoneOffset.UTC;
}
