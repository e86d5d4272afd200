package org.crmkit.segmentation.rule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.touchpoint.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * What a rule is evaluated against: one customer's profile, their touchpoints up to an instant, and the instant
 * itself (consents, agreements and time windows are read as of then). Touchpoints after the instant are left out,
 * so a rule evaluated for a past instant sees what was known then. Other modules attach their own facts' data
 * (a loyalty member's tier) with {@link #with(Class, Object)}. Immutable and thread-safe.
 */
public final class Subject {
    private final Customer customer;
    private final Instant at;
    private final List<Touchpoint> touchpoints;
    private final long[] times;
    private final Map<Class<?>, Object> attachments;
    private volatile @Nullable EffectivePreferences preferences;

    private Subject(Customer customer, Instant at, List<Touchpoint> touchpoints, long[] times,
                    Map<Class<?>, Object> attachments) {
        this.customer = customer;
        this.at = at;
        this.touchpoints = touchpoints;
        this.times = times;
        this.attachments = attachments;
    }

    /**
     * Creates a subject.
     *
     * @param customer the profile
     * @param touchpoints the customer's touchpoints, in any order; those after {@code at} are left out
     * @param at the instant the rule is evaluated for
     * @return the subject
     * @throws IllegalArgumentException when a touchpoint belongs to another customer
     */
    public static Subject of(Customer customer, Collection<Touchpoint> touchpoints, Instant at) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(at, "at");
        List<Touchpoint> kept = new ArrayList<>(touchpoints.size());
        for (Touchpoint t : touchpoints) {
            if (!t.customerId().equals(customer.id())) {
                throw new IllegalArgumentException("touchpoint " + t.id() + " belongs to customer "
                        + t.customerId() + ", not " + customer.id());
            }
            if (!t.occurredAt().isAfter(at)) {
                kept.add(t);
            }
        }
        kept.sort(Comparator.comparing(Touchpoint::occurredAt).thenComparing(t -> t.id().value()));
        long[] times = new long[kept.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = kept.get(i).occurredAt().toEpochMilli();
        }
        return new Subject(customer, at, List.copyOf(kept), times, Map.of());
    }

    /**
     * A copy with data for contributed facts attached, replacing any earlier attachment of the type.
     *
     * @param type the type the facts look the data up by
     * @param value the data
     * @param <T> the type
     * @return the copy
     */
    public <T> Subject with(Class<T> type, T value) {
        Map<Class<?>, Object> copy = new HashMap<>(attachments);
        copy.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(value, "value")));
        return new Subject(customer, at, touchpoints, times, Map.copyOf(copy));
    }

    /**
     * The data attached for contributed facts.
     *
     * @param type the type it was attached under
     * @param <T> the type
     * @return the data; empty when none was attached
     */
    public <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /** {@return the profile} */
    public Customer customer() {
        return customer;
    }

    /** {@return the instant of evaluation} */
    public Instant at() {
        return at;
    }

    /** {@return the customer's time zone, UTC when the profile has none} */
    public ZoneId zone() {
        return customer.timeZone().orElse(ZoneOffset.UTC);
    }

    /** {@return the touchpoints up to the instant, oldest first} */
    public List<Touchpoint> touchpoints() {
        return touchpoints;
    }

    /**
     * The touchpoints in a window that ends at the instant of evaluation.
     *
     * @param from the window's start, exclusive
     * @return the touchpoints after {@code from} and up to the instant, oldest first
     */
    public List<Touchpoint> touchpointsAfter(Instant from) {
        // Milliseconds find the place; the exact instants settle the touchpoints of the boundary's millisecond.
        long key = from.toEpochMilli();
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while (lo < touchpoints.size() && !touchpoints.get(lo).occurredAt().isAfter(from)) {
            lo++;
        }
        return touchpoints.subList(lo, touchpoints.size());
    }

    /** {@return the profile's effective preferences, resolved once per subject} */
    public EffectivePreferences preferences() {
        EffectivePreferences p = preferences;
        if (p == null) {
            p = customer.effectivePreferences();
            preferences = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return "Subject[" + customer.id() + " at " + at + ", " + touchpoints.size() + " touchpoints]";
    }
}
