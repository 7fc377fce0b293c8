-- The demo CRM that the embedded default exports: companies, their contacts and deals.
-- Created only when the server runs with -Dexport-audit.demo-records=true; plain SQL for H2 and PostgreSQL.
CREATE TABLE crm_company (
    id             BIGINT        NOT NULL PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    domain         VARCHAR(200)  NOT NULL,
    industry       VARCHAR(100)  NOT NULL,
    employees      INTEGER       NOT NULL,
    city           VARCHAR(100)  NOT NULL,
    country        VARCHAR(100)  NOT NULL,
    annual_revenue DECIMAL(16,2) NOT NULL,
    created_on     DATE          NOT NULL
);

CREATE TABLE crm_contact (
    id                BIGINT        NOT NULL PRIMARY KEY,
    first_name        VARCHAR(100)  NOT NULL,
    last_name         VARCHAR(100)  NOT NULL,
    email             VARCHAR(200)  NOT NULL,
    phone             VARCHAR(50),
    mobile            VARCHAR(50),
    job_title         VARCHAR(200),
    company_id        BIGINT REFERENCES crm_company (id),
    street            VARCHAR(200),
    city              VARCHAR(100),
    postal_code       VARCHAR(20),
    country           VARCHAR(100),
    lifecycle_stage   VARCHAR(50)   NOT NULL,
    lead_score        INTEGER       NOT NULL,
    owner             VARCHAR(100)  NOT NULL,
    created_on        DATE          NOT NULL,
    last_contacted_on DATE,
    notes             VARCHAR(2000)
);

CREATE TABLE crm_deal (
    id          BIGINT        NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    company_id  BIGINT        NOT NULL REFERENCES crm_company (id),
    contact_id  BIGINT REFERENCES crm_contact (id),
    amount      DECIMAL(14,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    stage       VARCHAR(50)   NOT NULL,
    close_date  DATE          NOT NULL,
    owner       VARCHAR(100)  NOT NULL
);

CREATE INDEX crm_contact_country ON crm_contact (country);
CREATE INDEX crm_deal_stage ON crm_deal (stage);
