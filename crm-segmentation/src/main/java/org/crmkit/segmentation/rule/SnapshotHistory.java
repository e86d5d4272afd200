package org.crmkit.segmentation.rule;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.privacy.ErasureParticipant;

/**
 * The latest membership snapshot of each segment, kept to diff the next one against, and an
 * {@link ErasureParticipant}: register it on the facade ({@code Crm.builder().erasureParticipant(history)}) and an
 * erased customer leaves every kept snapshot, so no snapshot names them and no later diff reports them. Hosts that
 * keep snapshots elsewhere use {@link MembershipSnapshot#withoutMember} in a participant of their own. Thread-safe.
 */
public final class SnapshotHistory implements ErasureParticipant {
    private final Map<String, MembershipSnapshot> latest = new ConcurrentHashMap<>();

    /** Creates an empty history. */
    public SnapshotHistory() {
    }

    /**
     * Records a new snapshot of its segment and publishes who entered and who exited since the last one (everyone
     * enters on the first).
     *
     * @param snapshot the new snapshot
     * @param events where to publish the change
     * @return the change
     * @throws IllegalArgumentException when the snapshot is older than the one kept
     */
    public MembershipSnapshot.Change record(MembershipSnapshot snapshot, EventDispatcher events) {
        MembershipSnapshot.Change[] change = new MembershipSnapshot.Change[1];
        latest.compute(snapshot.segment(), (segment, earlier) -> {
            MembershipSnapshot base = earlier != null ? earlier
                    : new MembershipSnapshot(segment, snapshot.version(), snapshot.at(), Set.of());
            change[0] = snapshot.diff(base);
            return snapshot;
        });
        change[0].publishTo(events);
        return change[0];
    }

    /**
     * The latest snapshot of a segment.
     *
     * @param segment the segment's name
     * @return the snapshot, or empty before the first
     */
    public Optional<MembershipSnapshot> latest(String segment) {
        return Optional.ofNullable(latest.get(segment));
    }

    @Override
    public String erase(CustomerId customer, CustomerId anonymous) {
        int[] touched = {0};
        latest.replaceAll((segment, snapshot) -> {
            MembershipSnapshot without = snapshot.withoutMember(customer);
            if (without != snapshot) {
                touched[0]++;
            }
            return without;
        });
        return touched[0] == 0 ? "" : "segment snapshots (" + touched[0] + "): membership of the customer";
    }
}
