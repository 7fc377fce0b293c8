-- Each super admin's own large-export notification threshold: one row per admin, none when off.
-- Plain SQL that H2 and PostgreSQL both run.
CREATE TABLE large_export_threshold (
    admin_username VARCHAR(255) NOT NULL PRIMARY KEY,
    records        INTEGER      NOT NULL CHECK (records BETWEEN 1 AND 275000),
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
