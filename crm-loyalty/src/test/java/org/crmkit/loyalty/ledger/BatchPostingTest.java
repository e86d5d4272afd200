package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.accrue;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.crmkit.loyalty.ledger.Books.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.crmkit.core.NotFoundException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.MutableClock;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.ForwardingLedgerStore;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.core.CrmException;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.junit.jupiter.api.Test;

/** A batch of postings, as an import or a nightly run sends it: each idempotent, one refusal stopping none. */
class BatchPostingTest {
    @Test
    void aBatchPostsEachOnce_reportsRefusalsByPosition_andRunsAgainWithoutDoubling() {
        Program program = Program.builder("store", "Store points", USD)
                .earningRules(EarningRule.perSpend("base", dec("1")).build()).build();
        Ledger ledger = Books.ledger(program, MutableClock.at(JAN_2026));
        List<MemberNumber> members = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            members.add(enroll(ledger, "M-" + i));
        }
        List<Posting> batch = new ArrayList<>();
        for (MemberNumber m : members) {
            batch.add(accrue(m, "import-" + m.value(), 10, false, JAN_2026));
        }
        batch.add(redeem(members.get(0), "too-much", 1_000, JAN_2026));          // 1000: more than the balance
        batch.add(accrue(MemberNumber.of("NOBODY"), "import-x", 10, false, JAN_2026)); // 1001: no such member

        BatchResult first = ledger.postAll(batch);
        assertFalse(first.allPosted());
        assertEquals(Set.of(1_000, 1_001), first.refusals().keySet());
        assertTrue(first.refusals().get(1_000) instanceof RuleViolationException, first.refusals().toString());
        assertTrue(first.refusals().get(1_001) instanceof NotFoundException, first.refusals().toString());
        assertEquals(1_000, first.entries().size());

        BatchResult again = ledger.postAll(batch);
        assertEquals(first.entries(), again.entries(), "a batch run again returns the first entries");
        for (MemberNumber m : members) {
            assertEquals(10, ledger.balance(m));
            assertEquals(1, ledger.entries(m).size());
        }
    }

    @Test
    void aStoreThatFailsTheBatchPostsOneByOne_andReportsOnlyThePostingsItFails() {
        Program program = Program.builder("store", "Store points", USD).build();
        LedgerStore flaky = new ForwardingLedgerStore(new InMemoryLedgerStore()) {
            @Override
            public void appendAll(List<LedgerEntry> entries) {
                throw new CrmException("the batch endpoint is down");
            }

            @Override
            public void append(LedgerEntry entry) {
                if (entry.member().value().equals("M-1")) {
                    throw new CrmException("M-1's shard is down");
                }
                super.append(entry);
            }
        };
        Ledger ledger = Ledger.builder(program).clock(MutableClock.at(JAN_2026)).store(flaky).build();
        List<Posting> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(accrue(enroll(ledger, "M-" + i), "night-" + i, 10, false, JAN_2026));
        }
        BatchResult result = ledger.postAll(batch);
        assertEquals(Set.of(0, 2), result.entries().keySet());
        assertEquals(Set.of(1), result.refusals().keySet());
        assertTrue(result.refusals().get(1).getMessage().contains("M-1's shard"), result.refusals().toString());
        assertEquals(10, ledger.balance(MemberNumber.of("M-2")));
    }
}
