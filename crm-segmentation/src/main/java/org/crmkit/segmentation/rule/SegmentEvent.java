package org.crmkit.segmentation.rule;

import java.time.Instant;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.payment.CardNumbers;

/**
 * A customer's membership of a segment changed between two snapshots: events of crm-segmentation's own, published
 * through crm-core's dispatcher like any {@link CrmEvent} and written as JSON with the type names
 * {@code segment-entered} and {@code segment-exited}. Immutable.
 */
public sealed interface SegmentEvent extends CrmEvent {
    /** {@return the segment's name} */
    String segment();

    /** {@return the version of the segment in the later snapshot} */
    int version();

    /**
     * A customer entered a segment between two membership snapshots.
     *
     * @param customerId the customer
     * @param segment the segment's name
     * @param version the version of the segment that admitted the customer
     * @param at the instant of the later snapshot
     */
    record Entered(CustomerId customerId, String segment, int version, Instant at) implements SegmentEvent {
        /** Checks for nulls. */
        public Entered {
            Objects.requireNonNull(customerId, "customerId");
            CardNumbers.requireNoCardNumber("segment", Objects.requireNonNull(segment, "segment"));
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A customer left a segment between two membership snapshots.
     *
     * @param customerId the customer
     * @param segment the segment's name
     * @param version the version of the segment in the later snapshot
     * @param at the instant of the later snapshot
     */
    record Exited(CustomerId customerId, String segment, int version, Instant at) implements SegmentEvent {
        /** Checks for nulls. */
        public Exited {
            Objects.requireNonNull(customerId, "customerId");
            CardNumbers.requireNoCardNumber("segment", Objects.requireNonNull(segment, "segment"));
            Objects.requireNonNull(at, "at");
        }
    }
}
