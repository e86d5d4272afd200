package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.UnaryOperator;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.junit.jupiter.api.Test;

/** An earn replayed under its touchpoint's key returns the first entry only when the whole payload is the same. */
class EarnReplayTest {
    private final MutableClock clock = MutableClock.at(JAN_2026);
    private final Program program = Program.builder("store", "Store points", USD)
            .earningRules(EarningRule.perSpend("base", dec("1")).build()).tiers(Tier.base("member")).build();
    private final Ledger ledger = Books.ledger(program, clock);
    private final MemberNumber ann = enroll(ledger, "ANN-1");
    private final Touchpoint basket = Books.basket("tp-1", ann, JAN_2026,
            LineItem.of("sku-1", "pet-food", "Acme", 2, Money.of("9.99", "USD")));

    @Test
    void theSameTouchpointReplayedReturnsTheFirstEntry() {
        LedgerEntry first = ledger.post(new Posting.Earn(ann, basket, null));
        assertEquals(first, ledger.post(new Posting.Earn(ann, basket, null)));
        assertEquals(first, ledger.post(new Posting.Earn(ann, CrmJson.read(CrmJson.write(basket), Touchpoint.class),
                null)), "a copy read back from JSON is the same payload");
        assertEquals(1, ledger.entries(ann).size());
    }

    @Test
    void anotherKindChannelCustomerOrLineUnderTheSameKeyIsAConflict() {
        ledger.post(new Posting.Earn(ann, basket, null));
        List<UnaryOperator<Touchpoint.Builder>> changes = List.of(
                b -> b.kind(TouchpointKind.of("booking")),
                b -> b.channel(Channel.WEB),
                b -> b.customerId(CustomerId.of("someone-else")),
                b -> b.lineItems(List.of(LineItem.of("sku-2", "pet-food", "Acme", 2, Money.of("9.99", "USD"))))
                        .amount(Money.of("19.98", "USD")));
        for (UnaryOperator<Touchpoint.Builder> change : changes) {
            Touchpoint other = change.apply(basket.toBuilder()).build();
            assertThrows(IdempotencyConflictException.class, () -> ledger.post(new Posting.Earn(ann, other, null)),
                    other.toString());
        }
        assertEquals(1, ledger.entries(ann).size());
    }
}
