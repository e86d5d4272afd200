package org.crmkit.loyalty.ledger;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.crmkit.core.CrmException;

/**
 * What a batch of postings did: the entry of each posting that went through (or of its first posting, when it
 * was a replay), and the refusal of each that did not, by its position in the batch. A refusal leaves the other
 * postings of the batch as they went. Immutable.
 *
 * @param entries each successful posting's entry, by position
 * @param refusals each refused posting's exception, by position
 */
public record BatchResult(Map<Integer, LedgerEntry> entries, Map<Integer, CrmException> refusals) {
    /** Copies the maps, in position order. */
    public BatchResult {
        entries = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(entries, "entries")));
        refusals = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(refusals,
                "refusals")));
    }

    /** {@return true when every posting went through} */
    public boolean allPosted() {
        return refusals.isEmpty();
    }

    /** {@return the entries in the order of the batch's postings that went through} */
    public List<LedgerEntry> entryList() {
        return List.copyOf(entries.values());
    }
}
