package org.crmkit.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.MergeRecordStore;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.unify.MergeRecord;
import org.jspecify.annotations.Nullable;

/** Merge audits in {@code crm_merge_records}, keyed by the duplicate's id, indexed by survivor. */
final class JdbcMergeRecordStore extends JdbcRepository<MergeRecord, CustomerId> implements MergeRecordStore {

    JdbcMergeRecordStore(Jdbc jdbc) {
        super(jdbc, "merge record", "crm_merge_records", MergeRecord.class, List.of("survivor_id"));
    }

    @Override
    CustomerId idOf(MergeRecord t) {
        return t.duplicate();
    }

    @Override
    String key(CustomerId id) {
        return id.value();
    }

    @Override
    long versionOf(MergeRecord t) {
        return t.version();
    }

    @Override
    MergeRecord withVersion(MergeRecord t, long version) {
        return t.withVersion(version);
    }

    @Override
    List<@Nullable Object> values(MergeRecord t) {
        return List.of(t.survivor().value());
    }

    @Override
    public Page<MergeRecord> findBySurvivor(CustomerId survivor, PageRequest request) {
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(request, "request");
        return jdbc.inTransaction("reading merge records of " + survivor, c -> {
            List<Object> p = new ArrayList<>(List.of(survivor.value()));
            if (request.after() != null) {
                p.add(request.after());
            }
            String sql = "SELECT document, id FROM crm_merge_records WHERE survivor_id = ?"
                    + (request.after() == null ? "" : " AND id > ?") + " ORDER BY id LIMIT " + (request.size() + 1);
            List<Object[]> rows = jdbc.query(c, sql, r -> new Object[] {r.getString(1), r.getString(2)},
                    p.toArray());
            return pageOf(rows, request.size(), row -> (String) row[1]);
        });
    }
}
