-- crm-loyalty: members, one per program and customer, and the append-only ledger, one key per member.
CREATE TABLE crm_members (
    id ${id} PRIMARY KEY,
    version BIGINT NOT NULL,
    program_id ${id} NOT NULL,
    customer_id ${id} NOT NULL,
    document ${document} NOT NULL,
    CONSTRAINT crm_members_one_per_customer UNIQUE (program_id, customer_id)
);
CREATE TABLE crm_ledger_entries (
    member ${id} NOT NULL,
    sequence BIGINT NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    document ${document} NOT NULL,
    PRIMARY KEY (member, sequence),
    CONSTRAINT crm_ledger_entries_key UNIQUE (member, idempotency_key)
);
