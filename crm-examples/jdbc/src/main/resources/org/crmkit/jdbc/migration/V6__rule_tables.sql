-- The columns and side tables segment rules read in the database (SqlPushdown.Tables): a touchpoint's kind,
-- channel and amount, its line items, and a profile's consent records, custom attributes and effective preferences.
-- Instants are whole seconds and the nanosecond within, numbers are exact decimals within crmkit's bounds
-- (30 digits before the point, 20 after). Rows stored before this version are filled in by the Java migration
-- V7, which reads their documents.
ALTER TABLE crm_touchpoints ADD COLUMN kind ${id};
ALTER TABLE crm_touchpoints ADD COLUMN channel ${id};
ALTER TABLE crm_touchpoints ADD COLUMN amount ${decimal};
ALTER TABLE crm_touchpoints ADD COLUMN currency CHAR(3);
CREATE TABLE crm_touchpoint_lines (
    touchpoint_id ${id} NOT NULL REFERENCES crm_touchpoints (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    customer_id ${id} NOT NULL,
    at_second BIGINT NOT NULL,
    at_nano INTEGER NOT NULL,
    kind ${id} NOT NULL,
    channel ${id} NOT NULL,
    category ${id} NOT NULL,
    brand ${id},
    quantity ${decimal} NOT NULL,
    unit_price ${decimal} NOT NULL,
    line_value ${decimal} NOT NULL,
    currency CHAR(3) NOT NULL,
    PRIMARY KEY (touchpoint_id, line_no)
);
CREATE INDEX crm_touchpoint_lines_by_customer ON crm_touchpoint_lines (customer_id, at_second, at_nano);
CREATE TABLE crm_customer_consents (
    customer_id ${id} NOT NULL REFERENCES crm_customers (id) ON DELETE CASCADE,
    record_no INTEGER NOT NULL,
    purpose ${id} NOT NULL,
    channel ${id},
    granted BOOLEAN NOT NULL,
    at_second BIGINT NOT NULL,
    at_nano INTEGER NOT NULL,
    PRIMARY KEY (customer_id, record_no)
);
CREATE TABLE crm_customer_attributes (
    customer_id ${id} NOT NULL REFERENCES crm_customers (id) ON DELETE CASCADE,
    name ${id} NOT NULL,
    text_value ${id},
    number_value ${decimal},
    flag_value BOOLEAN,
    date_value DATE,
    PRIMARY KEY (customer_id, name)
);
CREATE INDEX crm_customer_attributes_by_name ON crm_customer_attributes (name, customer_id);
CREATE TABLE crm_customer_preferences (
    customer_id ${id} NOT NULL REFERENCES crm_customers (id) ON DELETE CASCADE,
    pref_key ${id} NOT NULL,
    polarity VARCHAR(20) NOT NULL,
    pref_value ${id} NOT NULL,
    PRIMARY KEY (customer_id, pref_key, polarity, pref_value)
);
