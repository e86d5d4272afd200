-- Merge audits: both profiles as they were before a merge and what moved, so that a wrong merge can be undone.
-- Keyed by the duplicate (merged into one survivor at a time), found by survivor when a customer is erased.
CREATE TABLE crm_merge_records (
    id ${id} PRIMARY KEY,
    version BIGINT NOT NULL,
    survivor_id ${id} NOT NULL,
    document ${document} NOT NULL
);
CREATE INDEX crm_merge_records_by_survivor ON crm_merge_records (survivor_id, id);
