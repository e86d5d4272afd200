package org.crmkit.core.servicelevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ServiceLevels} keeps of one measured item: its clock events, what was already published about it (so a
 * restart or a second node never publishes it again), the policy that last applied, and whether the item is
 * released (finished: no longer checked). Immutable; stored through a {@link org.crmkit.core.spi.ClockStore}.
 *
 * @param key the item
 * @param customerId the customer the item belongs to
 * @param history the item's events, in clock order, each once
 * @param published marks of what was published, such as {@code "car-ready/breach/1"}
 * @param policy the name of the policy that applied at the last check; null before it or when none matched
 * @param released true once every measured clock of the item finished
 * @param version 0 before the first save; the store counts saves
 */
public record ItemClock(ItemKey key, CustomerId customerId, List<ClockEvent> history, Set<String> published,
                        @Nullable String policy, boolean released, long version) {
    /** The most events one item keeps. */
    public static final int MAX_EVENTS = 10_000;
    /** The most marks one item keeps. */
    public static final int MAX_MARKS = 10_000;

    /** Validates the item and sorts its history, each identical event once. */
    public ItemClock {
        Checks.notNull("key", key);
        Checks.notNull("customerId", customerId);
        ClockEvent[] events = Checks.list("history", history, MAX_EVENTS).toArray(new ClockEvent[0]);
        Arrays.sort(events, ClockEvent.ORDER);
        List<ClockEvent> sorted = new ArrayList<>(events.length);
        for (ClockEvent e : events) {
            if (sorted.isEmpty() || ClockEvent.ORDER.compare(sorted.get(sorted.size() - 1), e) != 0) {
                sorted.add(e);
            }
        }
        history = Collections.unmodifiableList(sorted);
        Set<String> marks = new TreeSet<>();
        for (String m : Checks.list("published", published, MAX_MARKS)) {
            marks.add(Checks.shortText("published mark", m));
        }
        published = Collections.unmodifiableSet(marks);
        if (policy != null) {
            policy = Checks.shortText("policy", policy);
        }
        if (version < 0) {
            throw new RuleViolationException("version must not be negative: " + version);
        }
    }

    /**
     * A new item without events.
     *
     * @param key the item
     * @param customerId its customer
     * @return the item, version 0
     */
    public static ItemClock of(ItemKey key, CustomerId customerId) {
        return new ItemClock(key, customerId, List.of(), Set.of(), null, false, 0);
    }

    /**
     * A copy with more events; events already held change nothing.
     *
     * @param events the new events
     * @return the copy
     */
    public ItemClock withEvents(Collection<ClockEvent> events) {
        List<ClockEvent> all = new ArrayList<>(history);
        all.addAll(events);
        return new ItemClock(key, customerId, all, published, policy, released, version);
    }

    /**
     * A copy after a check: more marks, the policy that applied, and whether the item is now released.
     *
     * @param marks marks of what was just published
     * @param appliedPolicy the policy's name, or null
     * @param nowReleased whether every clock finished
     * @return the copy
     */
    public ItemClock checked(Collection<String> marks, @Nullable String appliedPolicy, boolean nowReleased) {
        Set<String> all = new TreeSet<>(published);
        all.addAll(marks);
        return new ItemClock(key, customerId, history, all, appliedPolicy, nowReleased, version);
    }

    /**
     * The same item under another customer, the survivor of a merge.
     *
     * @param newOwner the customer
     * @return the copy
     */
    public ItemClock withCustomerId(CustomerId newOwner) {
        return new ItemClock(key, newOwner, history, published, policy, released, version);
    }

    /**
     * The same item at another version, as a store writes it.
     *
     * @param newVersion the version
     * @return the copy
     */
    public ItemClock withVersion(long newVersion) {
        return new ItemClock(key, customerId, history, published, policy, released, newVersion);
    }
}
