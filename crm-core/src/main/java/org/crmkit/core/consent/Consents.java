package org.crmkit.core.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.crmkit.core.common.Channel;
import org.crmkit.core.internal.Checks;

/**
 * A customer's consent history and the answers it gives. Permission is opt-in: without a record, the answer is
 * no. The latest record at or before the time asked about decides; a record for one channel and a record for
 * every channel count alike, and at the same instant a withdrawal wins. Immutable.
 */
public final class Consents {
    private static final Consents NONE = new Consents(List.of());
    private static final Comparator<ConsentRecord> CHRONOLOGICAL = Comparator.comparing(ConsentRecord::at);

    private final List<ConsentRecord> history;

    private Consents(List<ConsentRecord> history) {
        this.history = history;
    }

    /**
     * Builds the view over a history in any order; records are kept in time order, ties in the order given.
     *
     * @param records the records
     * @return the consents
     */
    public static Consents of(List<ConsentRecord> records) {
        List<ConsentRecord> list = Checks.list("consents", records);
        if (list.isEmpty()) {
            return NONE;
        }
        // A profile's history is stored sorted; a stable sort would leave it as it is, so keep it without copying.
        if (isChronological(list)) {
            return new Consents(list);
        }
        List<ConsentRecord> sorted = new ArrayList<>(list);
        sorted.sort(CHRONOLOGICAL);
        return new Consents(List.copyOf(sorted));
    }

    private static boolean isChronological(List<ConsentRecord> list) {
        for (int i = 1; i < list.size(); i++) {
            if (CHRONOLOGICAL.compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** {@return every record, oldest first} */
    public List<ConsentRecord> history() {
        return history;
    }

    /**
     * Appends a record.
     *
     * @param record the new decision
     * @return the consents with the record added
     */
    public Consents with(ConsentRecord record) {
        Checks.notNull("record", record);
        List<ConsentRecord> list = new ArrayList<>(history.size() + 1);
        list.addAll(history);
        list.add(record);
        return of(list);
    }

    /**
     * Answers "may we contact this customer on this channel for this purpose at this time".
     *
     * @param purpose the purpose
     * @param channel the channel
     * @param at the time of use
     * @return true when the deciding record is a grant
     */
    public boolean permits(Purpose purpose, Channel channel, Instant at) {
        return deciding(purpose, channel, at).map(r -> r.status() == ConsentStatus.GRANTED).orElse(false);
    }

    /**
     * The record that decides the answer to {@link #permits}.
     *
     * @param purpose the purpose
     * @param channel the channel
     * @param at the time of use
     * @return the latest applicable record at or before {@code at}, a withdrawal winning a tie; empty when none
     */
    public Optional<ConsentRecord> deciding(Purpose purpose, Channel channel, Instant at) {
        Checks.notNull("purpose", purpose);
        Checks.notNull("channel", channel);
        Checks.notNull("at", at);
        ConsentRecord best = null;
        for (ConsentRecord r : history) {
            if (r.at().isAfter(at)) {
                break;
            }
            if (r.appliesTo(purpose, channel)
                    && (best == null || r.at().isAfter(best.at()) || r.status() == ConsentStatus.WITHDRAWN)) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Consents other && history.equals(other.history);
    }

    @Override
    public int hashCode() {
        return history.hashCode();
    }

    @Override
    public String toString() {
        return "Consents" + history;
    }
}
