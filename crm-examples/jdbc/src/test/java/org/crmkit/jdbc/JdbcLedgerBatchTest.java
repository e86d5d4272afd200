package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.loyalty.ledger.BatchResult;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.MemberStatus;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;

/**
 * Batches over the JDBC stores decide on members as last read, and the append checks they are still so: a member
 * changed behind the ledger (suspended, then let earn again, by another node) between batches is decided on again
 * as stored, on H2 and on PostgreSQL.
 */
class JdbcLedgerBatchTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Program PROGRAM = Program.builder("store", "Store points", Currency.getInstance("USD"))
            .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).build())
            .tiers(Tier.base("member"), Tier.base("silver").withQualifyingPoints(50)).build();

    @Test
    void onH2() {
        aMemberChangedBehindTheLedgerIsDecidedOnAsStored(Databases.h2());
    }

    @Test
    void onPostgres() {
        aMemberChangedBehindTheLedgerIsDecidedOnAsStored(Databases.postgres());
    }

    private static void aMemberChangedBehindTheLedgerIsDecidedOnAsStored(DataSource db) {
        JdbcStores stores = JdbcStores.open(db);
        Ledger ledger = Ledger.builder(PROGRAM).members(stores.members()).store(stores.ledger())
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        List<MemberNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(ledger.enroll(MemberNumber.of("B-" + i), CustomerId.of("batch-" + i)).number());
        }
        assertTrue(stores.ledger().checksVersionsIn(stores.members()));
        assertTrue(ledger.postAll(round(numbers, "first", 60)).allPosted()); // each reaches silver: members saved
        assertEquals("silver", ledger.members().findById(numbers.get(0)).orElseThrow().tier());

        // Another node suspends a member; this ledger still remembers it active.
        stores.members().save(stores.members().findById(numbers.get(1)).orElseThrow()
                .withStatus(MemberStatus.SUSPENDED));
        BatchResult second = ledger.postAll(round(numbers, "second", 5));
        assertEquals(List.of(0, 2), second.entries().keySet().stream().sorted().toList());
        assertInstanceOf(RuleViolationException.class, second.refusals().get(1));
        assertEquals(60, ledger.balance(numbers.get(1)), "nothing posted to the suspended member");
        assertEquals(65, ledger.balance(numbers.get(2)));

        BatchResult third = ledger.postAll(round(numbers, "third", 5)); // read again once: decided as stored
        assertEquals(List.of(1), third.refusals().keySet().stream().toList());
        assertEquals(70, ledger.balance(numbers.get(0)));

        // The other node lets the member earn again; this ledger remembers it suspended.
        stores.members().save(stores.members().findById(numbers.get(1)).orElseThrow()
                .withStatus(MemberStatus.ACTIVE));
        assertTrue(ledger.postAll(round(numbers, "fourth", 5)).allPosted());
        assertTrue(ledger.postAll(round(numbers, "fifth", 5)).allPosted());
        assertEquals(70, ledger.balance(numbers.get(1)));
    }

    private static List<Posting> round(List<MemberNumber> numbers, String key, long points) {
        List<Posting> out = new ArrayList<>();
        for (MemberNumber m : numbers) {
            out.add(new Posting.Accrue(m, IdempotencyKey.of(key), points, true, T0, "batch", Source.system("test")));
        }
        return out;
    }
}
