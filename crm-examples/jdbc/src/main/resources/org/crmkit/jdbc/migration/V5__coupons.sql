-- The rewards catalogue's coupons and vouchers. A campaign's row counts what it has issued and is locked while one
-- more is issued, so that its stock and per-member limit hold under concurrent issues.
CREATE TABLE crm_coupon_campaigns (
    code ${id} PRIMARY KEY,
    issued BIGINT NOT NULL
);
CREATE TABLE crm_coupons (
    code ${id} PRIMARY KEY,
    version BIGINT NOT NULL,
    campaign ${id} NOT NULL,
    member ${id} NOT NULL,
    issue_key ${id} NOT NULL,
    issued_at BIGINT NOT NULL,
    document ${document} NOT NULL,
    CONSTRAINT crm_coupons_one_per_key UNIQUE (member, issue_key)
);
CREATE INDEX crm_coupons_by_member ON crm_coupons (member, issued_at, code);
CREATE INDEX crm_coupons_by_campaign ON crm_coupons (campaign, member);
