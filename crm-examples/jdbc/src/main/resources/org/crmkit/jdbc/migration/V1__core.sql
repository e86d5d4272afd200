-- crm-core aggregates: each row holds the aggregate as a JSON document, plus the columns lookups, ordering and
-- segment pushdown need. ${id} is a text type compared byte by byte, so ORDER BY matches String.compareTo.
CREATE TABLE crm_customers (
    id ${id} PRIMARY KEY,
    version BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    lifecycle_stage VARCHAR(40),
    account_manager ${id},
    customer_since DATE,
    document ${document} NOT NULL
);
CREATE TABLE crm_customer_tags (
    customer_id ${id} NOT NULL REFERENCES crm_customers (id) ON DELETE CASCADE,
    tag ${id} NOT NULL,
    PRIMARY KEY (customer_id, tag)
);
CREATE INDEX crm_customer_tags_by_tag ON crm_customer_tags (tag);
CREATE TABLE crm_customer_external_ids (
    external_id VARCHAR(500) PRIMARY KEY,
    customer_id ${id} NOT NULL REFERENCES crm_customers (id) ON DELETE CASCADE
);
CREATE TABLE crm_customer_contacts (
    address VARCHAR(2000) NOT NULL,
    customer_id ${id} NOT NULL REFERENCES crm_customers (id) ON DELETE CASCADE,
    PRIMARY KEY (address, customer_id)
);
CREATE TABLE crm_touchpoints (
    id ${id} PRIMARY KEY,
    version BIGINT NOT NULL,
    customer_id ${id} NOT NULL,
    at_second BIGINT NOT NULL,
    at_nano INTEGER NOT NULL,
    document ${document} NOT NULL
);
CREATE INDEX crm_touchpoints_by_customer ON crm_touchpoints (customer_id, at_second, at_nano, id);
CREATE TABLE crm_service_cases (
    id ${id} PRIMARY KEY,
    version BIGINT NOT NULL,
    customer_id ${id} NOT NULL,
    at_second BIGINT NOT NULL,
    at_nano INTEGER NOT NULL,
    document ${document} NOT NULL
);
CREATE INDEX crm_service_cases_by_customer ON crm_service_cases (customer_id, at_second, at_nano, id);
