package org.crmkit.core.servicelevel;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.internal.Checks;

/**
 * Reads items' clocks now and publishes what they crossed since they were last checked: the warning, the
 * breach, and each escalation step, each at most once per item and standard, stamped with the instant it was
 * crossed. What was published is remembered in memory until {@link #forget} is called for a finished item.
 * Thread-safe.
 */
public final class ServiceLevelMonitor {
    private final Clock clock;
    private final EventDispatcher events;
    private final Map<String, Set<String>> published = new ConcurrentHashMap<>();

    /**
     * Creates a monitor.
     *
     * @param clock the clock that says what "now" is
     * @param events where to publish
     */
    public ServiceLevelMonitor(Clock clock, EventDispatcher events) {
        this.clock = Checks.notNull("clock", clock);
        this.events = Checks.notNull("events", events);
    }

    /**
     * Reads an item's clock now and publishes newly crossed thresholds.
     *
     * @param customer the customer the item belongs to
     * @param itemId the item, such as a case id
     * @param standard the standard, in the version that applies to the item
     * @param history the item's events
     * @return the reading
     */
    public ClockReading check(CustomerId customer, String itemId, ServiceLevelStandard standard,
                              Collection<ClockEvent> history) {
        Checks.notNull("customer", customer);
        Checks.notNull("itemId", itemId);
        ClockReading r = ServiceLevelClock.read(standard, history, clock.instant());
        Set<String> done = published.computeIfAbsent(itemId + "\u0000" + standard.id().value(),
                k -> ConcurrentHashMap.newKeySet());
        if (r.warnedAt() != null && done.add("warning")) {
            events.publish(new CrmEvent.ServiceLevelWarning(customer, itemId, standard.id(), standard.version(),
                    r.warnedAt()));
        }
        if (r.breachedAt() != null && done.add("breach")) {
            events.publish(new CrmEvent.ServiceLevelBreached(customer, itemId, standard.id(), standard.version(),
                    r.breachedAt()));
        }
        for (FiredStep step : r.firedSteps()) {
            if (done.add("step:" + step.step().action() + "@" + step.step().after())) {
                events.publish(new CrmEvent.EscalationStepReached(customer, itemId, standard.id(), standard.version(),
                        step.step().action(), step.at()));
            }
        }
        return r;
    }

    /**
     * Forgets what was published for an item, for every standard; call it once the item is finished.
     *
     * @param itemId the item
     */
    public void forget(String itemId) {
        Checks.notNull("itemId", itemId);
        published.keySet().removeIf(k -> k.startsWith(itemId + "\u0000"));
    }
}
