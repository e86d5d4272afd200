package org.crmkit.core.touchpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Limits;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One interaction with a customer: when it happened, on which channel and in which direction, what kind it was,
 * where and with whom, its outcome and how it compared with the customer's expectation, and for purchases the
 * amount and line items. A refund may name the touchpoint it refunds (C7). Touchpoints of every channel are kept
 * together, so the customer's history reads the same wherever it is looked at (C12). Immutable and thread-safe.
 */
public final class Touchpoint {
    private final TouchpointId id;
    private final CustomerId customerId;
    private final Instant occurredAt;
    private final Channel channel;
    private final Direction direction;
    private final TouchpointKind kind;
    private final @Nullable LocationId location;
    private final @Nullable StaffId staff;
    private final @Nullable String outcome;
    private final @Nullable Expectation expectation;
    private final @Nullable Money amount;
    private final List<LineItem> lineItems;
    private final Map<String, AttributeValue> attributes;
    private final @Nullable TouchpointId relatedTo;
    private final long version;

    private Touchpoint(Builder b) {
        id = Checks.notNull("id", b.id);
        customerId = Checks.notNull("customerId", b.customerId);
        occurredAt = Checks.notNull("occurredAt", b.occurredAt);
        channel = Checks.notNull("channel", b.channel);
        direction = Checks.notNull("direction", b.direction);
        kind = Checks.notNull("kind", b.kind);
        location = b.location;
        staff = b.staff;
        outcome = Checks.optionalText("outcome", b.outcome, Checks.MAX_TEXT);
        expectation = b.expectation;
        lineItems = Checks.list("lineItems", b.lineItems, Limits.LINE_ITEMS);
        attributes = Checks.map("attributes", b.attributes, Limits.ATTRIBUTES);
        attributes.keySet().forEach(k -> Checks.code("attribute name", k));
        relatedTo = b.relatedTo;
        if (id.equals(relatedTo)) {
            throw new RuleViolationException("relatedTo must not be the touchpoint itself: " + id);
        }
        version = Checks.version(b.version);
        Money lines = null;
        for (LineItem line : lineItems) {
            lines = lines == null ? line.total() : lines.plus(line.total());
        }
        amount = b.amount != null ? b.amount : lines;
        if (amount != null && lines != null && !amount.currency().equals(lines.currency())) {
            throw new RuleViolationException("amount currency must match the line items: " + amount.currency()
                    + " vs " + lines.currency());
        }
    }

    /** {@return a builder for a new touchpoint} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this touchpoint's values} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the id} */
    public TouchpointId id() {
        return id;
    }

    /** {@return the customer it belongs to} */
    public CustomerId customerId() {
        return customerId;
    }

    /** {@return when it happened} */
    public Instant occurredAt() {
        return occurredAt;
    }

    /** {@return the channel} */
    public Channel channel() {
        return channel;
    }

    /** {@return inbound or outbound} */
    public Direction direction() {
        return direction;
    }

    /** {@return what kind of interaction it was} */
    public TouchpointKind kind() {
        return kind;
    }

    /** {@return where it happened, if at a place of business} */
    public Optional<LocationId> location() {
        return Optional.ofNullable(location);
    }

    /** {@return the staff member involved, if any} */
    public Optional<StaffId> staff() {
        return Optional.ofNullable(staff);
    }

    /** {@return the outcome, in words, if recorded} */
    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** {@return how it compared with the customer's expectation, if known (C2)} */
    public Optional<Expectation> expectation() {
        return Optional.ofNullable(expectation);
    }

    /** {@return the amount; when not given, the sum of the line items; empty when neither} */
    public Optional<Money> amount() {
        return Optional.ofNullable(amount);
    }

    /** {@return the purchase lines} */
    public List<LineItem> lineItems() {
        return lineItems;
    }

    /** {@return further typed facts, such as mileage and fuel at a rental return (C1)} */
    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /** {@return the touchpoint this one refers to, such as the purchase a refund gives back (C7)} */
    public Optional<TouchpointId> relatedTo() {
        return Optional.ofNullable(relatedTo);
    }

    /** {@return the stored version this snapshot was read at; 0 before the first save} */
    public long version() {
        return version;
    }

    /**
     * A copy that belongs to another customer, used when profiles are merged.
     *
     * @param newOwner the surviving profile
     * @return the new snapshot
     */
    public Touchpoint withCustomerId(CustomerId newOwner) {
        return toBuilder().customerId(newOwner).build();
    }

    /**
     * A copy with the given stored version.
     *
     * @param newVersion the version
     * @return the new snapshot
     */
    public Touchpoint withVersion(long newVersion) {
        return toBuilder().version(newVersion).build();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Touchpoint t && version == t.version && id.equals(t.id)
                && customerId.equals(t.customerId) && occurredAt.equals(t.occurredAt) && channel.equals(t.channel)
                && direction == t.direction && kind.equals(t.kind) && Objects.equals(location, t.location)
                && Objects.equals(staff, t.staff) && Objects.equals(outcome, t.outcome)
                && expectation == t.expectation && Objects.equals(amount, t.amount)
                && lineItems.equals(t.lineItems) && attributes.equals(t.attributes)
                && Objects.equals(relatedTo, t.relatedTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, customerId, occurredAt, kind);
    }

    @Override
    public String toString() {
        return "Touchpoint[" + id + ", " + kind + " via " + channel + " at " + occurredAt + ", customer "
                + customerId + ", v" + version + "]";
    }

    /**
     * Builds a {@link Touchpoint}. Required: id, customerId, occurredAt, channel, kind; direction defaults to
     * inbound. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable TouchpointId id;
        private @Nullable CustomerId customerId;
        private @Nullable Instant occurredAt;
        private @Nullable Channel channel;
        private Direction direction = Direction.INBOUND;
        private @Nullable TouchpointKind kind;
        private @Nullable LocationId location;
        private @Nullable StaffId staff;
        private @Nullable String outcome;
        private @Nullable Expectation expectation;
        private @Nullable Money amount;
        private List<LineItem> lineItems = List.of();
        private Map<String, AttributeValue> attributes = Map.of();
        private @Nullable TouchpointId relatedTo;
        private long version;

        private Builder() {
        }

        private Builder(Touchpoint t) {
            id = t.id;
            customerId = t.customerId;
            occurredAt = t.occurredAt;
            channel = t.channel;
            direction = t.direction;
            kind = t.kind;
            location = t.location;
            staff = t.staff;
            outcome = t.outcome;
            expectation = t.expectation;
            amount = t.amount;
            lineItems = t.lineItems;
            attributes = t.attributes;
            relatedTo = t.relatedTo;
            version = t.version;
        }

        /** @param value the id @return this builder */
        public Builder id(TouchpointId value) {
            id = value;
            return this;
        }

        /** @param value the customer @return this builder */
        public Builder customerId(CustomerId value) {
            customerId = value;
            return this;
        }

        /** @param value when it happened @return this builder */
        public Builder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        /** @param value the channel @return this builder */
        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        /** @param value inbound or outbound @return this builder */
        public Builder direction(Direction value) {
            direction = value;
            return this;
        }

        /** @param value the kind @return this builder */
        public Builder kind(TouchpointKind value) {
            kind = value;
            return this;
        }

        /** @param value where, or null @return this builder */
        public Builder location(@Nullable LocationId value) {
            location = value;
            return this;
        }

        /** @param value who, or null @return this builder */
        public Builder staff(@Nullable StaffId value) {
            staff = value;
            return this;
        }

        /** @param value the outcome, or null @return this builder */
        public Builder outcome(@Nullable String value) {
            outcome = value;
            return this;
        }

        /** @param value fell short, met or exceeded, or null @return this builder */
        public Builder expectation(@Nullable Expectation value) {
            expectation = value;
            return this;
        }

        /** @param value the amount, or null for the sum of the lines @return this builder */
        public Builder amount(@Nullable Money value) {
            amount = value;
            return this;
        }

        /** @param value the purchase lines @return this builder */
        public Builder lineItems(List<LineItem> value) {
            lineItems = value;
            return this;
        }

        /** @param value further typed facts @return this builder */
        public Builder attributes(Map<String, AttributeValue> value) {
            attributes = value;
            return this;
        }

        /** @param value the touchpoint referred to, or null @return this builder */
        public Builder relatedTo(@Nullable TouchpointId value) {
            relatedTo = value;
            return this;
        }

        /** @param value the stored version @return this builder */
        public Builder version(long value) {
            version = value;
            return this;
        }

        /**
         * Builds the touchpoint.
         *
         * @return the validated, immutable touchpoint
         * @throws NullPointerException when a required value is missing, naming it
         * @throws RuleViolationException when a value breaks a rule
         */
        public Touchpoint build() {
            return new Touchpoint(this);
        }
    }
}
