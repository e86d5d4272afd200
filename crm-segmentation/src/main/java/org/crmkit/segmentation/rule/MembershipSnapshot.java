package org.crmkit.segmentation.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.payment.CardNumbers;

/**
 * The members of a segment version at an instant. Two snapshots of the same segment {@linkplain #diff diff} into
 * who entered and who exited, published as {@link SegmentEvent.Entered} and {@link SegmentEvent.Exited}.
 * Immutable.
 *
 * @param segment the segment's name
 * @param version the segment version evaluated
 * @param at the instant of evaluation
 * @param members the members, ordered by id
 */
public record MembershipSnapshot(String segment, int version, Instant at, Set<CustomerId> members) {
    private static final Comparator<CustomerId> BY_ID = Comparator.comparing(CustomerId::value);

    /** Copies the members in id order. */
    public MembershipSnapshot {
        CardNumbers.requireNoCardNumber("segment", Objects.requireNonNull(segment, "segment"));
        Objects.requireNonNull(at, "at");
        TreeSet<CustomerId> sorted = new TreeSet<>(BY_ID);
        sorted.addAll(members);
        members = java.util.Collections.unmodifiableSet(sorted);
    }

    /**
     * The same snapshot without a customer: for erasure, so that no kept snapshot names an erased customer and the
     * next diff does not report them as exited.
     *
     * @param customer the customer to leave out
     * @return this snapshot when the customer was not a member, else a copy without them
     */
    public MembershipSnapshot withoutMember(CustomerId customer) {
        Objects.requireNonNull(customer, "customer");
        if (!members.contains(customer)) {
            return this;
        }
        TreeSet<CustomerId> rest = new TreeSet<>(BY_ID);
        rest.addAll(members);
        rest.remove(customer);
        return new MembershipSnapshot(segment, version, at, rest);
    }

    /**
     * What changed from an earlier snapshot of the same segment to this one.
     *
     * @param earlier the earlier snapshot
     * @return who entered and who exited
     * @throws IllegalArgumentException when the snapshots are of different segments or the other is not earlier
     */
    public Change diff(MembershipSnapshot earlier) {
        if (!earlier.segment.equals(segment)) {
            throw new IllegalArgumentException("snapshots must be of one segment: " + earlier.segment + ", "
                    + segment);
        }
        if (earlier.at.isAfter(at)) {
            throw new IllegalArgumentException("earlier snapshot must not be after " + at + ": " + earlier.at);
        }
        TreeSet<CustomerId> entered = new TreeSet<>(BY_ID);
        entered.addAll(members);
        entered.removeAll(earlier.members);
        TreeSet<CustomerId> exited = new TreeSet<>(BY_ID);
        exited.addAll(earlier.members);
        exited.removeAll(members);
        return new Change(segment, version, at, List.copyOf(entered), List.copyOf(exited));
    }

    /**
     * Who entered and exited a segment between two snapshots.
     *
     * @param segment the segment's name
     * @param version the version of the later snapshot
     * @param at the instant of the later snapshot
     * @param entered customers in the later snapshot only, ordered by id
     * @param exited customers in the earlier snapshot only, ordered by id
     */
    public record Change(String segment, int version, Instant at, List<CustomerId> entered, List<CustomerId> exited) {
        /** Copies the lists. */
        public Change {
            CardNumbers.requireNoCardNumber("segment", Objects.requireNonNull(segment, "segment"));
            Objects.requireNonNull(at, "at");
            entered = List.copyOf(entered);
            exited = List.copyOf(exited);
        }

        /**
         * Publishes the change to listeners, one event per customer.
         *
         * @param dispatcher where to publish
         */
        public void publishTo(EventDispatcher dispatcher) {
            events().forEach(dispatcher::publish);
        }

        /** {@return one event per customer who entered or exited, entries first} */
        public List<CrmEvent> events() {
            List<CrmEvent> out = new ArrayList<>(entered.size() + exited.size());
            entered.forEach(id -> out.add(new SegmentEvent.Entered(id, segment, version, at)));
            exited.forEach(id -> out.add(new SegmentEvent.Exited(id, segment, version, at)));
            return out;
        }
    }
}
