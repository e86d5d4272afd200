package org.crmkit.core.memory;

import java.time.Instant;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.MergeRecordStore;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.unify.MergeRecord;
import org.jspecify.annotations.Nullable;

/** Keeps merge audits in memory, indexed by survivor. Thread-safe: reads never block. */
public final class InMemoryMergeRecordStore extends InMemoryRepository<MergeRecord, CustomerId>
        implements MergeRecordStore {
    private final OrderedIndex<MergeRecord, CustomerId> bySurvivor = new OrderedIndex<>(MergeRecord::survivor,
            r -> new OrderedIndex.Key(Instant.EPOCH, r.duplicate().value()), MergeRecord::duplicate);

    /** Creates an empty store. */
    public InMemoryMergeRecordStore() {
        super("merge record", MergeRecord::duplicate, MergeRecord::version);
    }

    @Override
    protected MergeRecord withVersion(MergeRecord aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected void reindex(@Nullable MergeRecord before, @Nullable MergeRecord after) {
        bySurvivor.update(before, after);
    }

    @Override
    public Page<MergeRecord> findBySurvivor(CustomerId survivor, PageRequest request) {
        Checks.notNull("survivor", survivor);
        Checks.notNull("request", request);
        return bySurvivor.page(survivor, Instant.MIN, Instant.MAX, request, this::stored);
    }
}
