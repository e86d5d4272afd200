package org.crmkit.core.servicelevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.crmkit.core.Crm;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.CrmEventListener;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.memory.InMemoryClockStore;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.ClockStore;
import org.crmkit.core.spi.Pages;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.jspecify.annotations.Nullable;

/**
 * Service levels that run themselves: attached to a {@link Crm}, it turns recorded touchpoints and case status
 * changes into clock events (through a {@link ClockMapping}), keeps each item's history in a {@link ClockStore},
 * applies the first {@link ServiceLevelPolicy} whose condition holds (selecting again at every check, so a case whose
 * priority changed is measured against its new targets), and publishes each warning, breach and escalation step
 * once: what was published is stored with the item, in the same transaction as the events in the facade's
 * {@link org.crmkit.core.event.Outbox}, so a restart or a second node over the same store never publishes it again.
 * An item whose every clock has finished is released and no longer checked; a later event (a reopened case) opens
 * it again.
 *
 * <p>An erased customer's items are deleted; a merged duplicate's items move to the survivor.
 *
 * <p>Thresholds crossed while nothing is recorded (a breach at 3 a.m.) are published by {@link #checkOpen()}, which
 * the host calls periodically, from any number of nodes. Thread-safe.
 */
public final class ServiceLevels {
    private static final int MAX_ATTEMPTS = 8;

    private final Crm crm;
    private final List<ServiceLevelPolicy> policies;
    private final ClockMapping mapping;
    private final ClockStore store;
    private final SegmentMembership segments;

    private ServiceLevels(Builder b) {
        crm = b.crm;
        policies = List.copyOf(b.policies);
        mapping = b.mapping;
        store = b.store;
        segments = b.segments;
        Set<String> names = new HashSet<>();
        for (ServiceLevelPolicy p : policies) {
            if (!names.add(p.name())) {
                throw new RuleViolationException("policy names must be unique: " + p.name());
            }
        }
    }

    /**
     * Starts a builder.
     *
     * @param crm the facade whose touchpoints and cases are measured and whose outbox publishes
     * @return the builder; by default no policies, the standard mapping, an in-memory store, no segments
     */
    public static Builder builder(Crm crm) {
        return new Builder(Checks.notNull("crm", crm));
    }

    /** {@return the policies, in the order they are tried} */
    public List<ServiceLevelPolicy> policies() {
        return policies;
    }

    /**
     * Records clock events the facade does not see (a flight feed's new arrival time) for an item, and publishes
     * what the item crossed.
     *
     * @param key the item
     * @param customer the customer it belongs to
     * @param events the new events; events already held change nothing
     * @return the item's status now; an item of a touchpoint that no policy measures is not stored
     */
    public ItemStatus record(ItemKey key, CustomerId customer, Collection<ClockEvent> events) {
        Checks.notNull("key", key);
        Checks.notNull("customer", customer);
        return update(key, customer, Checks.list("events", events), null);
    }

    /**
     * Checks one stored item now, publishing what it crossed since it was last checked.
     *
     * @param key the item
     * @return its status, or empty when it is not stored
     */
    public Optional<ItemStatus> check(ItemKey key) {
        Checks.notNull("key", key);
        return store.findById(key).map(item -> update(key, item.customerId(), List.of(), item));
    }

    /**
     * Checks every item not yet released, publishing what each crossed since it was last checked. Safe to run on
     * several nodes at once: each threshold is still published once.
     *
     * @return how many items were checked
     */
    public int checkOpen() {
        int checked = 0;
        // Keyset pages: an item released while the walk goes on leaves the index without disturbing the cursor.
        for (Iterator<ItemClock> open = Pages.stream(store::findOpen).iterator(); open.hasNext(); checked++) {
            ItemClock item = open.next();
            update(item.key(), item.customerId(), List.of(), item); // read already: no second read
        }
        return checked;
    }

    /**
     * Reads a stored item now without publishing anything.
     *
     * @param key the item
     * @return its status, or empty when it is not stored
     */
    public Optional<ItemStatus> status(ItemKey key) {
        Checks.notNull("key", key);
        return store.findById(key).map(item -> {
            Selection s = select(item);
            return new ItemStatus(item, s.policy, read(s, item.history(), crm.clock().instant()));
        });
    }

    /**
     * Subscribes to the facade's touchpoints and status changes.
     *
     * @return the subscription; closing it stops the measuring of new events
     */
    public EventDispatcher.Subscription listen() {
        return crm.subscribe(new CrmEventListener() {
            @Override
            public void on(CrmEvent event) {
                if (event instanceof CrmEvent.TouchpointRecorded t) {
                    Touchpoint tp = t.touchpoint();
                    List<ClockEvent> events = mapping.of(tp);
                    if (!events.isEmpty()) {
                        update(ItemKey.of(tp.relatedTo().orElse(tp.id())), tp.customerId(), events, null);
                    }
                } else if (event instanceof CrmEvent.CaseStatusChanged c) {
                    List<ClockEvent> events = mapping.of(c);
                    if (!events.isEmpty()) {
                        update(ItemKey.of(c.caseId()), c.customerId(), events, null);
                    }
                } else if (event instanceof CrmEvent.CustomerErased e) {
                    // The items' keys would link the erased customer to the anonymised cases and touchpoints.
                    forEachItemOf(e.customerId(), item -> store.deleteById(item.key()));
                } else if (event instanceof CrmEvent.CustomerMerged m) {
                    forEachItemOf(m.merged(), item -> moveTo(item.key(), m.customerId()));
                } else if (event instanceof CrmEvent.CustomerUnmerged u) {
                    u.touchpoints().forEach(id -> moveTo(ItemKey.of(id), u.restored()));
                    u.cases().forEach(id -> moveTo(ItemKey.of(id), u.restored()));
                }
            }
        });
    }

    private void forEachItemOf(CustomerId customer, Consumer<ItemClock> action) {
        // Collected first: the action changes what the index would page through.
        Pages.stream(request -> store.findByCustomer(customer, request)).toList().forEach(action);
    }

    private void moveTo(ItemKey key, CustomerId survivor) {
        for (int attempt = 1; ; attempt++) {
            Optional<ItemClock> item = store.findById(key);
            if (item.isEmpty() || item.get().customerId().equals(survivor)) {
                return;
            }
            try {
                store.save(item.get().withCustomerId(survivor));
                return;
            } catch (VersionConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Records events and publishes crossings; {@code known} is the item as just read, if it was. */
    private ItemStatus update(ItemKey key, CustomerId customer, List<ClockEvent> events, @Nullable ItemClock known) {
        for (int attempt = 1; ; attempt++) {
            Optional<ItemClock> found = attempt == 1 && known != null ? Optional.of(known) : store.findById(key);
            ItemClock item = found.orElseGet(() -> ItemClock.of(key, customer)).withEvents(events);
            Selection selection = select(item);
            Instant now = crm.clock().instant();
            List<ClockReading> readings = read(selection, item.history(), now);
            if (found.isEmpty() && (events.isEmpty()
                    || selection.policy == null && key.kind() == ItemKey.Kind.TOUCHPOINT)) {
                return new ItemStatus(item, selection.policy, readings);
            }
            List<String> marks = new ArrayList<>();
            List<CrmEvent> publish = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) {
                CycleMode mode = selection.policy.metrics().get(i).standard().latest().cycles();
                crossed(item, readings.get(i), mode, marks, publish);
            }
            // Published in the order they happened, whichever metric crossed first.
            publish.sort(Comparator.comparing(CrmEvent::at));
            boolean released = selection.policy == null ? selection.over
                    : readings.stream().allMatch(ClockReading::finished);
            ItemClock after = item.checked(marks,
                    selection.policy == null ? null : selection.policy.name(), released);
            if (found.isPresent() && after.equals(found.get())) {
                return new ItemStatus(after, selection.policy, readings);
            }
            try {
                ItemClock stored = crm.outbox().write(out -> {
                    ItemClock saved = store.save(after);
                    out.addAll(publish);
                    return saved;
                });
                return new ItemStatus(stored, selection.policy, readings);
            } catch (VersionConflictException e) {
                // Another node checked or recorded the item meanwhile: read it again; what it published is marked.
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Adds the marks and events of thresholds the reading crossed that the item has not published. */
    private static void crossed(ItemClock item, ClockReading r, CycleMode mode, List<String> marks,
                                List<CrmEvent> out) {
        String std = r.standardId().value();
        // In restart mode each cycle warns and breaches on its own; accumulated time crosses each threshold once.
        String cycle = mode == CycleMode.RESTART ? "/" + r.cycles() : "";
        CustomerId customer = item.customerId();
        String id = item.key().id();
        if (r.warnedAt() != null && mark(item, marks, std + "/warning" + cycle)) {
            out.add(new CrmEvent.ServiceLevelWarning(customer, id, r.standardId(), r.version(), r.warnedAt()));
        }
        for (Map.Entry<Integer, Instant> earlier : r.earlierBreaches().entrySet()) {
            if (mark(item, marks, std + "/breach/" + earlier.getKey())) {
                out.add(new CrmEvent.ServiceLevelBreached(customer, id, r.standardId(), r.version(),
                        earlier.getValue()));
            }
        }
        if (r.breachedAt() != null && mark(item, marks, std + "/breach" + cycle)) {
            out.add(new CrmEvent.ServiceLevelBreached(customer, id, r.standardId(), r.version(), r.breachedAt()));
        }
        for (FiredStep step : r.firedSteps()) {
            if (mark(item, marks, std + "/step/" + step.step().action() + "@" + step.step().after())) {
                out.add(new CrmEvent.EscalationStepReached(customer, id, r.standardId(), r.version(),
                        step.step().action(), step.at()));
            }
        }
    }

    private static boolean mark(ItemClock item, List<String> marks, String mark) {
        if (item.published().contains(mark) || marks.contains(mark)) {
            return false;
        }
        marks.add(mark);
        return true;
    }

    private List<ClockReading> read(Selection s, List<ClockEvent> history, Instant now) {
        if (s.policy == null) {
            return List.of();
        }
        List<ClockReading> out = new ArrayList<>(s.policy.metrics().size());
        for (ServiceLevelPolicy.Metric m : s.policy.metrics()) {
            out.add(m.standard().read(history, now, version -> m.applied(version, s.priority, s.lane)));
        }
        return out;
    }

    /** The first policy whose condition holds for the item as it is now. */
    private Selection select(ItemClock item) {
        Set<String> customerSegments = null;
        if (item.key().kind() == ItemKey.Kind.CASE) {
            Optional<ServiceCase> found = crm.cases().findById(CaseId.of(item.key().id()));
            if (found.isEmpty()) {
                return new Selection(null, null, null, true);
            }
            ServiceCase c = found.get();
            for (ServiceLevelPolicy p : policies) {
                if (!p.when().segments().isEmpty() && customerSegments == null) {
                    customerSegments = segments.segmentsOf(c.customerId());
                }
                if (p.when().matches(c, customerSegments == null ? Set.of() : customerSegments)) {
                    return new Selection(p, c.priority(), c.lane(), false);
                }
            }
            return new Selection(null, c.priority(), c.lane(), c.status().isTerminal());
        }
        Optional<Touchpoint> found = crm.touchpoints().findById(TouchpointId.of(item.key().id()));
        if (found.isEmpty()) {
            return new Selection(null, null, null, true);
        }
        for (ServiceLevelPolicy p : policies) {
            if (!p.when().segments().isEmpty() && customerSegments == null) {
                customerSegments = segments.segmentsOf(found.get().customerId());
            }
            if (p.when().matches(found.get(), customerSegments == null ? Set.of() : customerSegments)) {
                return new Selection(p, null, null, false);
            }
        }
        return new Selection(null, null, null, true);
    }

    /**
     * The policy that applies, the case's priority and lane (null for touchpoints), and, when none applies, whether
     * the item is over (its case finished or gone) so it may be released.
     */
    private record Selection(@Nullable ServiceLevelPolicy policy, @Nullable Priority priority, @Nullable Lane lane,
                             boolean over) {
    }

    /** Builds {@link ServiceLevels}. Not thread-safe. */
    public static final class Builder {
        private final Crm crm;
        private final List<ServiceLevelPolicy> policies = new ArrayList<>();
        private ClockMapping mapping = ClockMapping.standard();
        private ClockStore store = new InMemoryClockStore();
        private SegmentMembership segments = SegmentMembership.NONE;

        private Builder(Crm crm) {
            this.crm = crm;
        }

        /** @param value the next policy, tried after those added before it @return this builder */
        public Builder policy(ServiceLevelPolicy value) {
            policies.add(Checks.notNull("policy", value));
            return this;
        }

        /** @param value how touchpoints and status changes become clock events @return this builder */
        public Builder mapping(ClockMapping value) {
            mapping = Checks.notNull("mapping", value);
            return this;
        }

        /** @param value where items' histories are kept; the adapter's, to share them between nodes @return this */
        public Builder store(ClockStore value) {
            store = Checks.notNull("store", value);
            return this;
        }

        /** @param value the segments of customers, for policies that name segments @return this builder */
        public Builder segments(SegmentMembership value) {
            segments = Checks.notNull("segments", value);
            return this;
        }

        /** {@return the service, not yet listening} */
        public ServiceLevels build() {
            return new ServiceLevels(this);
        }

        /** {@return the service, listening to the facade's touchpoints and status changes} */
        public ServiceLevels attach() {
            ServiceLevels levels = build();
            levels.listen();
            return levels;
        }
    }
}
