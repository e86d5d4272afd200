package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.crmkit.core.common.MutableClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.Program;

/** Shared helpers for ledger tests: touchpoints and postings. */
final class Books {
    static final Instant JAN_2026 = Instant.parse("2026-01-05T10:00:00Z");
    static final Currency USD = Currency.getInstance("USD");
    static final ZoneId UTC = ZoneOffset.UTC;

    private Books() {
    }

    static Ledger ledger(Program program, MutableClock clock) {
        return Ledger.builder(program).clock(clock).build();
    }

    static MemberNumber enroll(Ledger ledger, String number) {
        ledger.enroll(MemberNumber.of(number), CustomerId.of("c-" + number));
        return MemberNumber.of(number);
    }

    static Touchpoint purchase(String id, MemberNumber member, Instant at, String amount) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(CustomerId.of("c-" + member))
                .occurredAt(at).channel(Channel.COUNTER).direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE)
                .amount(Money.of(amount, "USD")).build();
    }

    static Touchpoint basket(String id, MemberNumber member, Instant at, LineItem... lines) {
        Money total = Money.zero("USD");
        for (LineItem l : lines) {
            total = total.plus(l.total());
        }
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(CustomerId.of("c-" + member))
                .occurredAt(at).channel(Channel.COUNTER).direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE)
                .amount(total).lineItems(List.of(lines)).build();
    }

    static Touchpoint of(TouchpointKind kind, String id, MemberNumber member, Instant at) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(CustomerId.of("c-" + member))
                .occurredAt(at).channel(Channel.AGENT).direction(Direction.INBOUND).kind(kind).build();
    }

    static Touchpoint refundOf(Touchpoint purchase, String id, Instant at) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(purchase.customerId()).occurredAt(at)
                .channel(Channel.COUNTER).direction(Direction.INBOUND).kind(TouchpointKind.REFUND)
                .amount(purchase.amount().orElseThrow().negate()).relatedTo(purchase.id()).build();
    }

    static Posting.Accrue accrue(MemberNumber m, String key, long points, boolean qualifying, Instant at) {
        return new Posting.Accrue(m, IdempotencyKey.of(key), points, qualifying, at, "bonus", Source.promotion("p"));
    }

    static Posting.Redeem redeem(MemberNumber m, String key, long points, Instant at) {
        return new Posting.Redeem(m, IdempotencyKey.of(key), points, null, at, "voucher", Source.agent("a1"));
    }

    static Posting.Reverse reverse(MemberNumber m, String key, String original, Instant at) {
        return new Posting.Reverse(m, IdempotencyKey.of(key), IdempotencyKey.of(original), at, "reversed",
                Source.agent("a1"));
    }

    static long sumOfLots(Ledger ledger, MemberNumber m) {
        return ledger.lots(m).stream().mapToLong(Lot::remaining).sum();
    }

    static long sumOfEntries(Ledger ledger, MemberNumber m) {
        return ledger.entries(m).stream().mapToLong(LedgerEntry::delta).sum();
    }

    static List<String> keys(Ledger ledger, MemberNumber m) {
        List<String> out = new ArrayList<>();
        ledger.entries(m).forEach(e -> out.add(e.key().value()));
        return out;
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }
}
