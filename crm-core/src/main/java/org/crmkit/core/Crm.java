package org.crmkit.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.CrmEventListener;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.event.Outbox;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.ReadOnlyRepositories;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.memory.InMemoryMergeRecordStore;
import org.crmkit.core.memory.InMemoryOutboxStore;
import org.crmkit.core.memory.InMemoryServiceCaseRepository;
import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.privacy.ContactDecision;
import org.crmkit.core.privacy.ContactPolicy;
import org.crmkit.core.privacy.CustomerExport;
import org.crmkit.core.privacy.ErasureCertificate;
import org.crmkit.core.privacy.ErasureParticipant;
import org.crmkit.core.privacy.ExportContributor;
import org.crmkit.core.privacy.MergeParticipant;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.MergeRecordStore;
import org.crmkit.core.spi.OutboxStore;
import org.crmkit.core.spi.Repository;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.spi.Transactions;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.unify.DuplicateCandidate;
import org.crmkit.core.unify.DuplicateFinder;
import org.crmkit.core.unify.MergeRecord;
import org.crmkit.core.unify.ProfileMerger;
import org.crmkit.core.unify.Unmerged;
import org.jspecify.annotations.Nullable;

/**
 * The front door of crm-core: records what happens to customers through the repositories the host supplies (or
 * the in-memory defaults), stamps times from the injected clock, and publishes a {@link CrmEvent} to the
 * registered listeners after each successful write. Events go through a transactional {@link Outbox}: stored with
 * the write (in the same database transaction when the host supplies {@link Transactions} and an
 * {@link OutboxStore}), then delivered at least once, each with an id that stays the same on every delivery.
 *
 * <p>Updates take a function from the current snapshot to the new one. When another writer got there first, the
 * function is applied again to the fresh snapshot (a few times at most), so the function must have no side
 * effects. Thread-safe.
 */
public final class Crm {
    private static final int MAX_ATTEMPTS = 8;
    /** The attribute that carries an erasure's anonymous id while the erasure is under way. */
    private static final String ERASURE_MARKER = "crmkit-erasure";

    private final CustomerRepository customers;
    private final TouchpointRepository touchpoints;
    private final ServiceCaseRepository cases;
    private final CustomerRepository customersView;
    private final TouchpointRepository touchpointsView;
    private final ServiceCaseRepository casesView;
    private final Clock clock;
    private final EventDispatcher events;
    private final Outbox outbox;
    private final ProfileMerger merger;
    private final MergeRecordStore merges;
    private final List<ErasureParticipant> erasureParticipants;
    private final List<ExportContributor> exportContributors;
    private final List<MergeParticipant> mergeParticipants;

    private Crm(Builder b) {
        customers = b.customers;
        touchpoints = b.touchpoints;
        cases = b.cases;
        customersView = ReadOnlyRepositories.customers(customers);
        touchpointsView = ReadOnlyRepositories.touchpoints(touchpoints);
        casesView = ReadOnlyRepositories.cases(cases);
        clock = b.clock;
        events = b.events;
        b.listeners.forEach(events::subscribe);
        outbox = new Outbox(b.outboxStore, b.transactions, events);
        erasureParticipants = List.copyOf(b.erasureParticipants);
        exportContributors = List.copyOf(b.exportContributors);
        mergeParticipants = List.copyOf(b.mergeParticipants);
        merger = b.merger;
        merges = b.merges;
    }

    /** {@return a facade over fresh in-memory repositories and the system clock} */
    public static Crm inMemory() {
        return builder().build();
    }

    /** {@return a builder; every part defaults to the in-memory store, the UTC system clock, no listeners} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The customers, to read. Writes through this view are refused with an {@link UnsupportedOperationException}:
     * they go through the facade ({@link #create}, {@link #updateCustomer}, {@link #merge}, {@link #erase}), which
     * keeps the rules and publishes the events.
     *
     * @return a read-only view of the customer repository
     */
    public CustomerRepository customers() {
        return customersView;
    }

    /** {@return a read-only view of the touchpoint repository; record touchpoints with {@link #recordTouchpoint}} */
    public TouchpointRepository touchpoints() {
        return touchpointsView;
    }

    /** {@return a read-only view of the case repository; write with {@link #openCase} and {@link #updateCase}} */
    public ServiceCaseRepository cases() {
        return casesView;
    }

    /** {@return the clock the facade stamps times with} */
    public Clock clock() {
        return clock;
    }

    /**
     * The outbox the facade's writes store their events in. Call {@link Outbox#deliverPending()} at start-up and
     * then periodically to deliver what a crash left undelivered; services built on the facade
     * ({@link org.crmkit.core.servicelevel.ServiceLevels}) write their own events through it.
     *
     * @return the outbox
     */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Registers a listener for every event.
     *
     * @param listener the listener
     * @return a handle that removes the listener when closed
     */
    public EventDispatcher.Subscription subscribe(CrmEventListener listener) {
        return events.subscribe(listener);
    }

    /**
     * Creates a profile with a new random id, created now.
     *
     * @param spec fills in the profile: at least its name
     * @return the stored profile, version 1
     * @throws RuleViolationException when the profile breaks a rule
     * @throws DuplicateException when an external id belongs to another profile
     */
    public Customer createCustomer(UnaryOperator<Customer.Builder> spec) {
        Checks.notNull("spec", spec);
        Instant now = clock.instant();
        Customer draft = spec.apply(Customer.builder().id(CustomerId.random()).createdAt(now)).build();
        return create(draft);
    }

    /**
     * Stores a new profile built by the caller; its version must be 0. Creation and update times are set to now.
     *
     * @param customer the profile
     * @return the stored profile, version 1
     * @throws VersionConflictException when a profile with that id exists
     * @throws DuplicateException when an external id belongs to another profile
     */
    public Customer create(Customer customer) {
        Checks.notNull("customer", customer);
        Instant now = clock.instant();
        return outbox.write(out -> {
            Customer stored = customers.save(customer.toBuilder().createdAt(now).updatedAt(now).build());
            out.add(new CrmEvent.CustomerCreated(stored, now));
            newFacts(List.of(), List.of(), stored, now, out);
            return stored;
        });
    }

    /**
     * Finds a profile by id.
     *
     * @param id the id
     * @return the profile, or empty
     */
    public Optional<Customer> findCustomer(CustomerId id) {
        return customers.findById(id);
    }

    /**
     * Changes a profile.
     *
     * @param id the profile
     * @param change from the current snapshot to the new one; must be free of side effects, as it may be applied
     *     again after a concurrent write
     * @return the stored profile
     * @throws NotFoundException when no profile has the id
     * @throws VersionConflictException when concurrent writers won several times in a row
     */
    public Customer updateCustomer(CustomerId id, UnaryOperator<Customer> change) {
        Checks.notNull("id", id);
        Checks.notNull("change", change);
        return retryOnConflict(() -> {
            Customer before = customers.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
            Customer changed = Checks.notNull("changed customer", change.apply(before));
            if (!changed.id().equals(id) || changed.version() != before.version()) {
                throw new RuleViolationException("an update must keep the id and version of customer " + id);
            }
            if (changed.equals(before)) {
                return before;
            }
            requireConsentHistoryKept(before, changed);
            Instant now = clock.instant();
            return outbox.write(out -> {
                Customer stored = customers.save(changed.toBuilder().updatedAt(now).build());
                out.add(new CrmEvent.CustomerUpdated(before, stored, now));
                newFacts(before.preferences(), before.consents().history(), stored, now, out);
                return stored;
            });
        });
    }

    /** Consent history only grows: a withdrawal, once recorded, cannot be taken back by rewriting the list. */
    private static void requireConsentHistoryKept(Customer before, Customer after) {
        List<ConsentRecord> kept = after.consents().history();
        long lost = before.consents().history().stream().filter(r -> !kept.contains(r)).count();
        if (lost > 0) {
            throw new RuleViolationException("consent history of customer " + before.id() + " only grows: the update"
                    + " removes or changes " + lost + " recorded consent" + (lost == 1 ? "" : "s")
                    + "; record a new grant or withdrawal with recordConsent instead");
        }
    }

    /**
     * Records a preference, at whichever location it was learned; it is known everywhere (C5).
     *
     * @param id the customer
     * @param preference the preference
     * @return the stored profile
     * @throws NotFoundException when no profile has the id
     */
    public Customer recordPreference(CustomerId id, Preference preference) {
        Checks.notNull("preference", preference);
        return updateCustomer(id, c -> c.withPreference(preference));
    }

    /**
     * Records a consent decision; a withdrawal is a new record and takes effect from its time.
     *
     * @param id the customer
     * @param record the decision
     * @return the stored profile
     * @throws NotFoundException when no profile has the id
     */
    public Customer recordConsent(CustomerId id, ConsentRecord record) {
        Checks.notNull("record", record);
        return updateCustomer(id, c -> c.withConsent(record));
    }

    /**
     * Answers "may we contact this customer on this channel for this purpose at this time" from the consent
     * history; an unknown customer may not be contacted.
     *
     * @param id the customer
     * @param purpose the purpose
     * @param channel the channel
     * @param at the time of contact
     * @return true when the deciding consent record is a grant
     */
    public boolean mayContact(CustomerId id, Purpose purpose, Channel channel, Instant at) {
        return customers.findById(id).map(c -> c.consents().permits(purpose, channel, at)).orElse(false);
    }

    /**
     * Records a touchpoint. Recording the same touchpoint again returns the stored one and changes nothing, so
     * a host may retry.
     *
     * @param touchpoint the touchpoint, version 0
     * @return the stored touchpoint
     * @throws NotFoundException when its customer does not exist
     * @throws DuplicateException when its id is already used by a different touchpoint
     */
    public Touchpoint recordTouchpoint(Touchpoint touchpoint) {
        Checks.notNull("touchpoint", touchpoint);
        Optional<Touchpoint> existing = touchpoints.findById(touchpoint.id());
        if (existing.isPresent()) {
            return sameOrDuplicate(existing.get(), touchpoint);
        }
        if (customers.findById(touchpoint.customerId()).isEmpty()) {
            throw new NotFoundException("customer", touchpoint.customerId());
        }
        try {
            return outbox.write(out -> {
                Touchpoint stored = touchpoints.save(touchpoint.withVersion(0));
                out.add(new CrmEvent.TouchpointRecorded(stored, clock.instant()));
                return stored;
            });
        } catch (VersionConflictException e) {
            // Another writer recorded the same id meanwhile.
            return sameOrDuplicate(touchpoints.findById(touchpoint.id()).orElseThrow(() -> e), touchpoint);
        }
    }

    /**
     * Stores a newly opened case.
     *
     * @param serviceCase the case, version 0, as made by {@link ServiceCase#open}
     * @return the stored case
     * @throws NotFoundException when its customer does not exist
     * @throws VersionConflictException when a case with that id exists
     */
    public ServiceCase openCase(ServiceCase serviceCase) {
        Checks.notNull("serviceCase", serviceCase);
        if (customers.findById(serviceCase.customerId()).isEmpty()) {
            throw new NotFoundException("customer", serviceCase.customerId());
        }
        return outbox.write(out -> {
            ServiceCase stored = cases.save(serviceCase);
            out.add(new CrmEvent.CaseStatusChanged(stored.customerId(), stored.id(), null, stored.status(),
                    clock.instant()));
            return stored;
        });
    }

    /**
     * Changes a case: moves its status, adds an observation, links a touchpoint.
     *
     * @param id the case
     * @param change from the current snapshot to the new one; free of side effects
     * @return the stored case
     * @throws NotFoundException when no case has the id
     * @throws RuleViolationException when the change breaks the status machine
     */
    public ServiceCase updateCase(CaseId id, UnaryOperator<ServiceCase> change) {
        Checks.notNull("id", id);
        Checks.notNull("change", change);
        return retryOnConflict(() -> {
            ServiceCase before = cases.findById(id).orElseThrow(() -> new NotFoundException("service case", id));
            ServiceCase changed = Checks.notNull("changed case", change.apply(before));
            if (!changed.id().equals(id) || changed.version() != before.version()) {
                throw new RuleViolationException("an update must keep the id and version of case " + id);
            }
            return outbox.write(out -> {
                ServiceCase stored = cases.save(changed);
                if (stored.status() != before.status()) {
                    out.add(new CrmEvent.CaseStatusChanged(stored.customerId(), id, before.status(),
                            stored.status(), clock.instant()));
                }
                return stored;
            });
        });
    }

    /**
     * Finds profiles that may describe the same customer (C10).
     *
     * @param id the profile
     * @return candidates sharing an email, phone or external id, ordered by id
     * @throws NotFoundException when no profile has the id
     */
    public List<DuplicateCandidate> findDuplicates(CustomerId id) {
        Customer c = customers.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
        return new DuplicateFinder(customers).candidatesFor(c);
    }

    /**
     * Merges a duplicate profile into a survivor (C10), by the rules of the {@link ProfileMerger} set on the
     * builder: first a {@link MergeRecord} keeps both profiles as they are, the duplicate's touchpoints and cases,
     * and what each {@link MergeParticipant} needs to undo its part; then the survivor is saved with the merged
     * data, the duplicate's touchpoints and cases are moved to the survivor, every participant moves what it links
     * (crm-loyalty: memberships), and the duplicate is deleted. Each step can be repeated, so a merge interrupted
     * halfway completes when run again, and merging an already merged duplicate returns the survivor unchanged.
     * {@link #unmerge} undoes it.
     *
     * @param survivorId the profile that stays
     * @param duplicateId the profile merged into it
     * @return the stored survivor
     * @throws NotFoundException when the survivor does not exist, or the duplicate neither exists nor was merged
     *     into the survivor
     * @throws RuleViolationException when the duplicate is halfway through a merge into another profile
     */
    public Customer merge(CustomerId survivorId, CustomerId duplicateId) {
        Checks.notNull("survivorId", survivorId);
        Checks.notNull("duplicateId", duplicateId);
        Customer survivor = customers.findById(survivorId)
                .orElseThrow(() -> new NotFoundException("customer", survivorId));
        Optional<Customer> duplicate = customers.findById(duplicateId);
        if (duplicate.isEmpty()) {
            if (survivor.mergedFrom().contains(duplicateId)) {
                return survivor;
            }
            throw new NotFoundException("customer", duplicateId);
        }
        Customer dup = duplicate.get();
        Optional<MergeRecord> stored = merges.findById(duplicateId);
        MergeRecord record;
        if (stored.isPresent() && stored.get().unmergedAt() == null) {
            record = stored.get();
            if (!record.survivor().equals(survivorId)) {
                throw new RuleViolationException("customer " + duplicateId + " is halfway through a merge into "
                        + record.survivor() + ": merge it into " + record.survivor() + " again to complete that");
            }
        } else {
            record = merges.save(audit(survivor, dup).withVersion(stored.map(MergeRecord::version).orElse(0L)));
        }
        Instant at = record.mergedAt();
        Customer merged = survivor.mergedFrom().contains(duplicateId) ? survivor
                : updateCustomer(survivorId, s -> merger.merge(s, dup, at).withVersion(s.version()));
        touchpoints.streamByCustomer(duplicateId, TimeWindow.ALL).toList().forEach(t -> move(touchpoints, t.id(), t,
                Touchpoint::customerId, Touchpoint::withCustomerId, duplicateId, survivorId));
        cases.streamByCustomer(duplicateId).toList().forEach(c -> move(cases, c.id(), c, ServiceCase::customerId,
                ServiceCase::withCustomerId, duplicateId, survivorId));
        mergeParticipants.forEach(p -> p.merged(survivorId, duplicateId));
        outbox.write(out -> {
            customers.deleteById(duplicateId);
            out.add(new CrmEvent.CustomerMerged(survivorId, duplicateId, clock.instant()));
            return merged;
        });
        return merged;
    }

    /**
     * Moves a touchpoint or case from one customer to another if it is still the first's. The snapshot already
     * read, if any, is tried first; after another writer won, the stored one is read again.
     */
    private static <T, I> boolean move(Repository<T, I> store, I id, @Nullable T read, Function<T, CustomerId> owner,
                                       BiFunction<T, CustomerId, T> withOwner, CustomerId from, CustomerId to) {
        T current = read;
        for (int attempt = 1; ; attempt++) {
            if (current == null) {
                current = store.findById(id).orElse(null);
            }
            if (current == null || !owner.apply(current).equals(from)) {
                return false;
            }
            try {
                store.save(withOwner.apply(current, to));
                return true;
            } catch (VersionConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                current = null;
            }
        }
    }

    /** The audit of a merge about to be made, read before anything changes. */
    private MergeRecord audit(Customer survivor, Customer duplicate) {
        Instant now = clock.instant();
        Map<String, JsonNode> before = new TreeMap<>();
        for (MergeParticipant p : mergeParticipants) {
            p.beforeMerge(survivor.id(), duplicate.id()).ifPresent(json -> before.put(p.name(), json));
        }
        MergeRecord record = new MergeRecord(duplicate.id(), survivor.id(), now, survivor, duplicate,
                merger.merge(survivor, duplicate, now),
                touchpoints.streamByCustomer(duplicate.id(), TimeWindow.ALL).map(Touchpoint::id).toList(),
                cases.streamByCustomer(duplicate.id()).map(ServiceCase::id).toList(), before, null, 0);
        // What cannot be read back cannot undo the merge: refuse it before anything changes.
        int length = CrmJson.write(record).length();
        if (length > CrmJson.MAX_DOCUMENT_LENGTH) {
            throw new RuleViolationException("merge of " + duplicate.id() + " into " + survivor.id() + " needs a"
                    + " merge record of " + length + " characters, over the " + CrmJson.MAX_DOCUMENT_LENGTH
                    + " a stored document may hold: trim the profiles or merge in parts");
        }
        return record;
    }

    /**
     * The audit of the merge that took a duplicate away, while it is kept: until either customer is erased.
     *
     * @param duplicateId the profile merged away
     * @return the record, undone or not, or empty when there is none
     */
    public Optional<MergeRecord> findMergeRecord(CustomerId duplicateId) {
        return merges.findById(Checks.notNull("duplicateId", duplicateId));
    }

    /**
     * Undoes a merge (C10: a wrong merge found later). The duplicate is stored again as it was before the merge,
     * with any consent withdrawal the survivor received since; the touchpoints and cases the merge moved go back
     * to it (those recorded since stay with the survivor); every {@link MergeParticipant} restores its part
     * (crm-loyalty: the duplicate's membership and ledger); and the survivor gets back its own values, keeping
     * what changed on it since the merge ({@link ProfileMerger#restoreSurvivor}). Publishes
     * {@link CrmEvent.CustomerCreated} for the duplicate stored again, {@link CrmEvent.CustomerUpdated} for the
     * survivor and {@link CrmEvent.CustomerUnmerged}. Each step can be repeated: an unmerge interrupted halfway
     * completes when run again, and undoing a merge already undone changes nothing.
     *
     * @param duplicateId the profile merged away
     * @return the two profiles as stored, and how much went back
     * @throws NotFoundException when no merge record of the duplicate is kept (never merged, or erased since)
     * @throws RuleViolationException when the survivor no longer exists: it was merged into a third profile,
     *     whose merge must be undone first
     */
    public Unmerged unmerge(CustomerId duplicateId) {
        Checks.notNull("duplicateId", duplicateId);
        MergeRecord record = merges.findById(duplicateId)
                .orElseThrow(() -> new NotFoundException("merge record of customer", duplicateId));
        CustomerId survivorId = record.survivor();
        Customer survivor = customers.findById(survivorId).orElseThrow(() -> new RuleViolationException(
                "customer " + duplicateId + " was merged into " + survivorId + ", which no longer exists: undo the"
                        + " merge that took " + survivorId + " away first"));
        if (record.unmergedAt() != null) {
            Customer restored = customers.findById(duplicateId)
                    .orElseThrow(() -> new NotFoundException("customer", duplicateId));
            return new Unmerged(survivor, restored, 0, 0);
        }
        // The survivor gives back what was the duplicate's (its external ids are unique to one profile) in the
        // same write that stores the duplicate again.
        Customer[] pair = retryOnConflict(() -> {
            Customer current = customers.findById(survivorId)
                    .orElseThrow(() -> new NotFoundException("customer", survivorId));
            Optional<Customer> back = customers.findById(duplicateId);
            if (!current.mergedFrom().contains(duplicateId) && back.isPresent()) {
                return new Customer[] {current, back.get()};
            }
            Instant now = clock.instant();
            return outbox.write(out -> {
                Customer kept = current;
                if (current.mergedFrom().contains(duplicateId)) {
                    kept = customers.save(merger.restoreSurvivor(record, current, now));
                    out.add(new CrmEvent.CustomerUpdated(current, kept, now));
                }
                Customer again = back.orElse(null);
                if (again == null) {
                    again = customers.save(merger.restoreDuplicate(record, current));
                    out.add(new CrmEvent.CustomerCreated(again, now)); // listeners' copies get it back
                }
                return new Customer[] {kept, again};
            });
        });
        int movedTouchpoints = 0;
        for (TouchpointId id : record.touchpoints()) {
            movedTouchpoints += move(touchpoints, id, null, Touchpoint::customerId, Touchpoint::withCustomerId,
                    survivorId, duplicateId) ? 1 : 0;
        }
        int movedCases = 0;
        for (CaseId id : record.cases()) {
            movedCases += move(cases, id, null, ServiceCase::customerId, ServiceCase::withCustomerId, survivorId,
                    duplicateId) ? 1 : 0;
        }
        for (MergeParticipant p : mergeParticipants) {
            p.unmerged(survivorId, duplicateId, Optional.ofNullable(record.participants().get(p.name())));
        }
        retryOnConflict(() -> {
            // Read again: an unmerge running beside this one may have closed the record already.
            MergeRecord open = merges.findById(duplicateId).filter(r -> r.unmergedAt() == null).orElse(null);
            if (open == null) {
                return null;
            }
            Instant now = clock.instant();
            return outbox.write(out -> {
                merges.save(open.withUnmergedAt(now));
                out.add(new CrmEvent.CustomerUnmerged(survivorId, duplicateId, open.touchpoints(), open.cases(),
                        now));
                return null;
            });
        });
        Customer back = pair[0];
        Customer restored = pair[1];
        return new Unmerged(back, restored, movedTouchpoints, movedCases);
    }

    /** Runs a read-change-write step again when another writer won, a bounded number of times. */
    private static <T> T retryOnConflict(Supplier<T> readChangeWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readChangeWrite.get();
            } catch (VersionConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Decides whether the customer may be contacted, and why not, under a contact policy; the outbound
     * touchpoints the caps count are read from the touchpoint repository.
     *
     * @param id the customer; an unknown customer may not be contacted
     * @param purpose why
     * @param channel how
     * @param at when
     * @param policy quiet hours and caps
     * @return the decision with every reason against
     */
    public ContactDecision mayContact(CustomerId id, Purpose purpose, Channel channel, Instant at,
                                      ContactPolicy policy) {
        Checks.notNull("policy", policy);
        Optional<Customer> customer = customers.findById(id);
        if (customer.isEmpty()) {
            return ContactDecision.of(List.of(new ContactDecision.Refusal(ContactDecision.Kind.NO_CONSENT,
                    "no customer " + id)));
        }
        List<Touchpoint> recent = policy.lookBack().isZero() ? List.of()
                : touchpoints.streamByCustomer(id, TimeWindow.between(at.minus(policy.lookBack()), at)).toList();
        return policy.check(customer.get(), recent, purpose, channel, at);
    }

    /**
     * Everything held about a customer, as one portable document: the profile, touchpoints and cases, and a section
     * from each registered {@link ExportContributor}.
     *
     * @param id the customer
     * @return the export, stamped now
     * @throws NotFoundException when no profile has the id
     */
    public CustomerExport export(CustomerId id) {
        Customer c = customers.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
        Map<String, JsonNode> sections = new TreeMap<>();
        for (ExportContributor contributor : exportContributors) {
            contributor.export(id).ifPresent(json -> sections.put(contributor.section(), json));
        }
        return new CustomerExport(CustomerExport.FORMAT, clock.instant(), c,
                touchpoints.streamByCustomer(id, TimeWindow.ALL).toList(), cases.streamByCustomer(id).toList(),
                sections);
    }

    /**
     * Erases a customer. Touchpoints and cases keep what statistics need (times, channels, kinds, amounts, line
     * items; categories, lanes, status times) under a new random id that nothing links back to the customer, and
     * lose their free text; then the profile is deleted, so no lookup by id, contact or external id finds the
     * customer. Every step can be repeated: an erasure that failed halfway completes when run again, and reuses
     * the same anonymous id. Registered {@link ErasureParticipant}s (other modules, the host's own stores) run
     * before the profile is deleted. Publishes {@link CrmEvent.CustomerErased} so listeners can drop their
     * copies.
     *
     * @param id the customer
     * @return what was done
     */
    public ErasureCertificate erase(CustomerId id) {
        Checks.notNull("id", id);
        Optional<Customer> found = customers.findById(id);
        if (found.isEmpty()) {
            // A merged duplicate's id: its merge record still holds a copy of the profile as it was.
            boolean audit = merges.findById(id).isPresent();
            merges.deleteById(id);
            return new ErasureCertificate(id, clock.instant(), false, 0, 0,
                    audit ? List.of("merge record: the profile as it was before its merge") : List.of(), List.of());
        }
        // The anonymous id is kept on the profile until the last step, so that a re-run uses the same one.
        AttributeValue marker = found.get().attributes().get(ERASURE_MARKER);
        CustomerId anonymous;
        if (marker == null) {
            // Saved without an event: a CustomerUpdated carrying the marker would link the customer to the id.
            CustomerId fresh = CustomerId.of("erased-" + Checks.randomId());
            retryOnConflict(() -> customers.save(customers.findById(id).orElseThrow(
                    () -> new NotFoundException("customer", id)).toBuilder()
                    .putAttribute(ERASURE_MARKER, AttributeValue.text(fresh.value())).build()));
            anonymous = fresh;
        } else {
            anonymous = CustomerId.of(marker.raw().toString());
        }
        int scrubbedTouchpoints = 0;
        for (Touchpoint t : touchpoints.streamByCustomer(id, TimeWindow.ALL).toList()) {
            touchpoints.save(t.toBuilder().customerId(anonymous).outcome(null).attributes(Map.of()).build());
            scrubbedTouchpoints++;
        }
        int scrubbedCases = 0;
        for (ServiceCase c : cases.streamByCustomer(id).toList()) {
            cases.save(scrubbed(c, anonymous));
            scrubbedCases++;
        }
        // The certificate lists what this run did, step by step, and nothing else.
        List<String> erased = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        if (scrubbedTouchpoints > 0) {
            erased.add("touchpoints (" + scrubbedTouchpoints + "): link to the customer, outcome text, attributes");
            kept.add("touchpoints: time, channel, direction, kind, location, staff, amounts, line items");
        }
        if (scrubbedCases > 0) {
            erased.add("cases (" + scrubbedCases + "): link to the customer, subject, observations, notes, root cause,"
                    + " resolution");
            kept.add("cases: category, lane, priority, status times");
        }
        Set<CustomerId> audits = new LinkedHashSet<>(merges.streamBySurvivor(id).map(MergeRecord::duplicate).toList());
        found.get().mergedFrom().stream().filter(m -> merges.findById(m).isPresent()).forEach(audits::add);
        merges.findById(id).ifPresent(r -> audits.add(id));
        audits.forEach(merges::deleteById);
        if (!audits.isEmpty()) {
            erased.add("merge records (" + audits.size() + "): the merged profiles as they were, for undoing merges");
        }
        for (ErasureParticipant participant : erasureParticipants) {
            String part = participant.erase(id, anonymous);
            if (!part.isBlank()) {
                erased.add(part);
            }
        }
        Instant now = clock.instant();
        outbox.write(out -> {
            customers.deleteById(id);
            out.add(new CrmEvent.CustomerErased(id, now));
            return null;
        });
        erased.add("profile: names, contact points, addresses, notes, preferences, consents, agreements, cards on"
                + " file, external ids, special dates, attributes");
        return new ErasureCertificate(id, now, true, scrubbedTouchpoints, scrubbedCases, erased, kept);
    }

    private static ServiceCase scrubbed(ServiceCase c, CustomerId anonymous) {
        List<org.crmkit.core.service.StatusChange> history = c.history().stream()
                .map(h -> new org.crmkit.core.service.StatusChange(h.from(), h.to(), h.at(), h.by(), null)).toList();
        return c.toBuilder().customerId(anonymous).subject("[erased]").observations(List.of()).history(history)
                .rootCause(null).resolution(c.resolution().isPresent() ? "[erased]" : null)
                .linkedTouchpoints(c.linkedTouchpoints()).build();
    }

    private Touchpoint sameOrDuplicate(Touchpoint stored, Touchpoint offered) {
        if (stored.withVersion(0).equals(offered.withVersion(0))) {
            return stored;
        }
        throw new DuplicateException("touchpoint id " + offered.id() + " is already used by a different touchpoint");
    }

    private static void newFacts(List<Preference> oldPreferences, List<ConsentRecord> oldConsents, Customer after,
                                 Instant now, List<CrmEvent> out) {
        for (Preference p : after.preferences()) {
            if (!oldPreferences.contains(p)) {
                out.add(new CrmEvent.PreferenceRecorded(after.id(), p, now));
            }
        }
        for (ConsentRecord r : after.consents().history()) {
            if (!oldConsents.contains(r)) {
                out.add(new CrmEvent.ConsentChanged(after.id(), r, now));
            }
        }
    }

    /** Builds a {@link Crm}. Not thread-safe. */
    public static final class Builder {
        private CustomerRepository customers = new InMemoryCustomerRepository();
        private TouchpointRepository touchpoints = new InMemoryTouchpointRepository();
        private ServiceCaseRepository cases = new InMemoryServiceCaseRepository();
        private Clock clock = Clock.systemUTC();
        private EventDispatcher events = new EventDispatcher();
        private OutboxStore outboxStore = new InMemoryOutboxStore();
        private Transactions transactions = Transactions.NONE;
        private ProfileMerger merger = new ProfileMerger();
        private MergeRecordStore merges = new InMemoryMergeRecordStore();
        private final List<CrmEventListener> listeners = new ArrayList<>();
        private final List<ErasureParticipant> erasureParticipants = new ArrayList<>();
        private final List<ExportContributor> exportContributors = new ArrayList<>();
        private final List<MergeParticipant> mergeParticipants = new ArrayList<>();

        private Builder() {
        }

        /** @param value a participant to run on every erasure @return this builder */
        public Builder erasureParticipant(ErasureParticipant value) {
            erasureParticipants.add(Checks.notNull("erasureParticipant", value));
            return this;
        }

        /** @param value a contributor of a section to every portability export @return this builder */
        public Builder exportContributor(ExportContributor value) {
            ExportContributor c = Checks.notNull("exportContributor", value);
            Checks.code("export section", c.section());
            if (exportContributors.stream().anyMatch(other -> other.section().equals(c.section()))) {
                throw new RuleViolationException("export section " + c.section() + " has a contributor already");
            }
            exportContributors.add(c);
            return this;
        }

        /** @param value a participant to run on every merge @return this builder */
        public Builder mergeParticipant(MergeParticipant value) {
            mergeParticipants.add(Checks.notNull("mergeParticipant", value));
            return this;
        }

        /** @param value the survivorship rules of {@link Crm#merge} @return this builder */
        public Builder profileMerger(ProfileMerger value) {
            merger = Checks.notNull("profileMerger", value);
            return this;
        }

        /** @param value where merge records are kept, for {@link Crm#unmerge} @return this builder */
        public Builder mergeRecords(MergeRecordStore value) {
            merges = Checks.notNull("mergeRecords", value);
            return this;
        }

        /** @param value the customer repository @return this builder */
        public Builder customers(CustomerRepository value) {
            customers = Checks.notNull("customers", value);
            return this;
        }

        /** @param value the touchpoint repository @return this builder */
        public Builder touchpoints(TouchpointRepository value) {
            touchpoints = Checks.notNull("touchpoints", value);
            return this;
        }

        /** @param value the service case repository @return this builder */
        public Builder cases(ServiceCaseRepository value) {
            cases = Checks.notNull("cases", value);
            return this;
        }

        /** @param value the clock to stamp times with @return this builder */
        public Builder clock(Clock value) {
            clock = Checks.notNull("clock", value);
            return this;
        }

        /** @param value the event dispatcher, to share one between facades @return this builder */
        public Builder events(EventDispatcher value) {
            events = Checks.notNull("events", value);
            return this;
        }

        /**
         * @param value where events wait until delivered; the adapter's, to store them with the write
         * @return this builder
         */
        public Builder outbox(OutboxStore value) {
            outboxStore = Checks.notNull("outbox", value);
            return this;
        }

        /**
         * @param value the transactions the stores' writes join, so a write and its events are stored together
         * @return this builder
         */
        public Builder transactions(Transactions value) {
            transactions = Checks.notNull("transactions", value);
            return this;
        }

        /**
         * @param value a listener to register on the facade's dispatcher, whichever {@link #events} sets
         * @return this builder
         */
        public Builder listener(CrmEventListener value) {
            listeners.add(Checks.notNull("listener", value));
            return this;
        }

        /** {@return the facade} */
        public Crm build() {
            return new Crm(this);
        }
    }
}
