package org.crmkit.loyalty.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.Crm;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.CrmEventListener;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.spi.Pages;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.member.Member;
import org.crmkit.segmentation.rule.Subject;

/**
 * A ledger attached to the customer record: every purchase touchpoint {@code Crm} records for a member earns
 * points, and every refund that names its purchase takes them back (C7), without the host finding the member or
 * posting. Both are keyed by the touchpoint's id, so a touchpoint recorded or replayed any number of times, on any
 * node, earns or reverses once, and the ledger publishes its event once. Eligibility rules see a {@link Subject}
 * the library builds, when the program has any: the customer's profile and touchpoints of the last
 * {@value #HISTORY_DAYS} days. Customers who are not members are left alone. Thread-safe.
 *
 * <pre>{@code
 * Ledger ledger = Ledger.builder(program).store(stores.ledger()).members(stores.members()).build();
 * TouchpointEarning.attach(crm, ledger);
 * crm.recordTouchpoint(purchase);      // earns, once
 * }</pre>
 */
public final class TouchpointEarning implements CrmEventListener {
    /** How far back the touchpoints of the subject reach, in days. */
    public static final int HISTORY_DAYS = 400;
    private final Crm crm;
    private final Ledger ledger;
    /** Whether any earning rule has an eligibility condition: only then are the profile and history read. */
    private final boolean needsSubject;

    private TouchpointEarning(Crm crm, Ledger ledger) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.needsSubject = ledger.program().earningRules().stream().anyMatch(r -> r.eligibility().isPresent());
    }

    /**
     * Attaches a ledger to the touchpoints a facade records.
     *
     * @param crm the facade
     * @param ledger the ledger of the program the customers are members of
     * @return the subscription; closing it detaches the ledger
     */
    public static EventDispatcher.Subscription attach(Crm crm, Ledger ledger) {
        return crm.subscribe(of(crm, ledger));
    }

    /**
     * The earning of a ledger over a facade's records, not attached: for a host that feeds it touchpoints itself,
     * such as those recorded before the ledger existed, or redelivered.
     *
     * @param crm the facade whose profiles and touchpoints make the eligibility subject
     * @param ledger the ledger
     * @return the earning
     */
    public static TouchpointEarning of(Crm crm, Ledger ledger) {
        return new TouchpointEarning(crm, ledger);
    }

    @Override
    public void on(CrmEvent event) {
        if (event instanceof CrmEvent.TouchpointRecorded recorded) {
            apply(recorded.touchpoint());
        }
    }

    /**
     * Earns on a purchase, or reverses on a refund, for the customer's membership; anything else is left alone.
     * For a host replaying touchpoints recorded before the ledger was attached.
     *
     * @param touchpoint the touchpoint
     * @return the entry posted, or the one posted the first time; empty when nothing applies
     */
    public Optional<LedgerEntry> apply(Touchpoint touchpoint) {
        boolean purchase = touchpoint.kind().equals(TouchpointKind.PURCHASE);
        boolean refund = touchpoint.kind().equals(TouchpointKind.REFUND) && touchpoint.relatedTo().isPresent();
        if (!purchase && !refund) {
            return Optional.empty();
        }
        Optional<Member> member = ledger.members().findByCustomer(ledger.program().id(), touchpoint.customerId());
        if (member.isEmpty()) {
            return Optional.empty();
        }
        if (refund) {
            return Optional.of(ledger.post(Posting.Reverse.refund(member.get().number(), touchpoint)));
        }
        return Optional.of(ledger.post(new Posting.Earn(member.get().number(), touchpoint,
                needsSubject ? subject(touchpoint) : null)));
    }

    private Subject subject(Touchpoint purchase) {
        Customer customer = crm.customers().findById(purchase.customerId()).orElseThrow(() ->
                new NotFoundException("customer", purchase.customerId()));
        TimeWindow history = TimeWindow.lastBefore(Duration.ofDays(HISTORY_DAYS), purchase.occurredAt()
                .plusNanos(1));
        List<Touchpoint> touchpoints = Pages.stream(page -> crm.touchpoints().findByCustomer(customer.id(), history,
                page)).toList();
        return Subject.of(customer, touchpoints, purchase.occurredAt());
    }
}
