package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.node.JsonNodeFactory;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.spi.MergeRecordStore;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.unify.MergeRecord;
import org.crmkit.core.unify.ProfileMerger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link MergeRecordStore}: a repository's, plus the records of one survivor in the duplicate's
 * id order. An adapter's test extends this class and implements {@link #createRepository()}.
 */
public abstract class MergeRecordStoreContract extends RepositoryContract<MergeRecord, CustomerId, MergeRecordStore> {
    private static final Customer SURVIVOR = ContractFixtures.customer(90_000);

    /** For adapters' tests. */
    protected MergeRecordStoreContract() {
    }

    @Override
    protected MergeRecord aggregate(int n) {
        return record(SURVIVOR, ContractFixtures.customer(n), n);
    }

    private static MergeRecord record(Customer survivor, Customer duplicate, int n) {
        return new MergeRecord(duplicate.id(), survivor.id(), ContractFixtures.EPOCH.plus(Duration.ofDays(n)),
                survivor, duplicate, new ProfileMerger().merge(survivor, duplicate, ContractFixtures.EPOCH),
                List.of(TouchpointId.of("tp-" + n), TouchpointId.of("tp-" + n + "-b")), List.of(CaseId.of("case-" + n)),
                Map.of("loyalty", JsonNodeFactory.instance.objectNode().put("member", "M-" + n)), null, 0);
    }

    @Override
    protected Optional<MergeRecord> aggregateWithId(String id) {
        Customer duplicate = ContractFixtures.customer(7).toBuilder().id(CustomerId.of(id)).build();
        return Optional.of(record(SURVIVOR, duplicate, 7));
    }

    @Override
    protected CustomerId idOf(MergeRecord aggregate) {
        return aggregate.duplicate();
    }

    @Override
    protected long versionOf(MergeRecord aggregate) {
        return aggregate.version();
    }

    @Override
    protected MergeRecord withVersion(MergeRecord aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected MergeRecord withMark(MergeRecord r, String mark) {
        Map<String, tools.jackson.databind.JsonNode> participants = new TreeMap<>(r.participants());
        participants.put(mark, JsonNodeFactory.instance.booleanNode(true));
        return new MergeRecord(r.duplicate(), r.survivor(), r.mergedAt(), r.survivorBefore(), r.duplicateBefore(),
                r.merged(), r.touchpoints(), r.cases(), participants, r.unmergedAt(), r.version());
    }

    @Override
    protected Set<String> marksOf(MergeRecord aggregate) {
        return aggregate.participants().keySet();
    }

    @Override
    protected Map<String, Runnable> everyOperation(MergeRecord stored) {
        Map<String, Runnable> ops = super.everyOperation(stored);
        ops.put("findBySurvivor", () -> repository.findBySurvivor(SURVIVOR.id(), PageRequest.first(10)));
        return ops;
    }

    @Test
    @DisplayName("a survivor's records come in the duplicate's id order, undone or not; a deleted one leaves")
    void recordsBySurvivor() {
        Customer other = ContractFixtures.customer(90_001);
        for (int n = 1; n <= 5; n++) {
            MergeRecord r = n == 3 ? record(other, ContractFixtures.customer(n), n) : aggregate(n);
            repository.save(n == 4 ? r.withUnmergedAt(r.mergedAt().plusSeconds(1)) : r);
        }
        assertEquals(List.of("cust-00001", "cust-00002", "cust-00004", "cust-00005"),
                Walks.walk(r -> repository.findBySurvivor(SURVIVOR.id(), r), 2).stream()
                        .map(m -> m.duplicate().value()).toList());
        assertEquals(List.of("cust-00003"), repository.streamBySurvivor(other.id())
                .map(m -> m.duplicate().value()).toList());
        repository.deleteById(CustomerId.of("cust-00002"));
        assertEquals(3, repository.streamBySurvivor(SURVIVOR.id()).count());
        assertEquals(aggregate(5).withVersion(1), repository.findById(CustomerId.of("cust-00005")).orElseThrow());
    }
}
