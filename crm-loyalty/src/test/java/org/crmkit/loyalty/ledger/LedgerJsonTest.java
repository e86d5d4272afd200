package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.accrue;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.crmkit.loyalty.ledger.Books.purchase;
import static org.crmkit.loyalty.ledger.Books.redeem;
import static org.crmkit.loyalty.ledger.Books.reverse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.json.CrmJson;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.reward.Campaign;
import org.crmkit.loyalty.reward.Coupon;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Members and ledger entries as JSON, as a document store keeps them. */
class LedgerJsonTest {
    private static final TypeReference<List<LedgerEntry>> ENTRIES = new TypeReference<>() {
    };
    private final ObjectMapper json = CrmJson.newMapper();

    /**
     * The golden file's text; a file not there yet is written from {@code actual}, for review, and the test fails.
     */
    private static String golden(String name, String actual) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/golden", name);
        if (!java.nio.file.Files.exists(file)) {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, actual + "\n");
            throw new AssertionError("golden file " + file + " written; review it and run again");
        }
        return java.nio.file.Files.readString(file).strip();
    }

    @Test
    @DisplayName("a campaign and a redeemed coupon read back equal; a coupon redeemed against nothing is refused")
    void couponsAndCampaigns() throws java.io.IOException {
        Campaign campaign = Campaign.builder("pet-food").description("2 USD off pet food")
                .value(org.crmkit.core.common.Money.of("2.00", "USD"))
                .maxValue(org.crmkit.core.common.Money.of("4.00", "USD")).validity(JAN_2026,
                        JAN_2026.plus(Duration.ofDays(14))).stock(5_000).perMember(2).funder("PetCo").build();
        Coupon coupon = new Coupon("7KQ2M-X9D4T", "pet-food", MemberNumber.of("ANN-1"), IdempotencyKey.of(
                "list:2026-01-05:pet-food"), org.crmkit.core.common.Money.of("4.00", "USD"), 0, JAN_2026, JAN_2026,
                JAN_2026.plus(Duration.ofDays(14)), Coupon.Status.ISSUED, null, null, 0)
                .redeemed(JAN_2026.plus(Duration.ofDays(3)), "sale-1842");
        String both = json.writeValueAsString(campaign) + "\n" + json.writeValueAsString(coupon);
        assertEquals(golden("coupon.json", both), both);
        assertEquals(campaign, json.readValue(json.writeValueAsString(campaign), Campaign.class));
        assertEquals(coupon, json.readValue(json.writeValueAsString(coupon), Coupon.class));
        String unredeemed = json.writeValueAsString(coupon).replace("\"sale-1842\"", "null");
        JacksonException e = assertThrows(JacksonException.class, () -> json.readValue(unredeemed, Coupon.class));
        assertTrue(e.getMessage().contains("redemption time and reference"), e.getMessage());
    }

    @Test
    @DisplayName("every kind of entry a ledger writes, and the member, read back equal")
    void roundTrip() throws java.io.IOException {
        MutableClock clock = MutableClock.at(JAN_2026);
        Program program = Program.builder("store", "Store points", USD)
                .expiry(ExpiryPolicy.afterEarning(1, ExpiryPolicy.RoundTo.EXACT))
                .earningRules(EarningRule.perSpend("base", dec("1")).qualifying(true).build())
                .tiers(Tier.base("member"), Tier.base("gold", "lounge").withQualifyingPoints(100)).build();
        Ledger ledger = Books.ledger(program, clock);
        MemberNumber ann = enroll(ledger, "ANN-1");
        ledger.post(accrue(ann, "a1", 300, true, JAN_2026));
        ledger.post(new Posting.Earn(ann, purchase("tp-1", ann, JAN_2026, "25.50"), null,
                JAN_2026.plus(Duration.ofDays(2))));
        ledger.post(redeem(ann, "r1", 120, JAN_2026));
        ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("adj-1"), 15, JAN_2026, "goodwill",
                Source.agent("agent-7")));
        ledger.post(reverse(ann, "rv-1", "r1", JAN_2026));
        Instant later = JAN_2026.plus(Duration.ofDays(3));
        clock.set(later);
        ledger.releasePending(ann, later);
        ledger.expire(ann, JAN_2026.plus(Duration.ofDays(60)));

        List<LedgerEntry> entries = ledger.entries(ann);
        Set<String> kinds = entries.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
        assertEquals(Set.of("Accrual", "Pending", "Redemption", "Adjustment", "Reversal", "Expiry"), kinds);
        for (LedgerEntry e : entries) {
            String text = json.writeValueAsString(e);
            assertEquals(e, json.readValue(text, LedgerEntry.class), text);
        }
        String written = json.writerFor(ENTRIES).writeValueAsString(entries);
        assertEquals(golden("ledger-entries.json", written), written);
        assertEquals(entries, json.readValue(written, ENTRIES));

        ledger.assignTier(ann, "gold", "kept through the move abroad", org.crmkit.core.common.StaffId.of("agent-7"),
                true);
        Member member = ledger.members().findById(ann).orElseThrow()
                .withAgreements(Set.of(AgreementId.of("skip-counter")));
        assertEquals(2, member.tierHistory().size());
        String text = json.writeValueAsString(member);
        assertEquals(golden("member.json", text), text);
        Member read = json.readValue(text, Member.class);
        assertEquals(member, read, text);
        assertEquals("gold", read.tier());
    }

    @Test
    @DisplayName("an entry that breaks a rule is refused when read")
    void validatesOnRead() {
        String negative = "{\"type\":\"redemption\",\"format\":1,\"stamp\":{\"member\":\"ANN-1\",\"sequence\":1,\"key\":\"k\","
                + "\"at\":\"2026-01-05T10:00:00Z\",\"reason\":\"r\",\"source\":{\"kind\":\"system\","
                + "\"reference\":\"job\"}},\"points\":-5,\"reward\":null,\"draws\":[]}";
        Exception e = assertThrows(Exception.class, () -> json.readValue(negative, LedgerEntry.class));
        assertTrue(String.valueOf(e.getMessage()).contains("points"), e.getMessage());
    }
}
