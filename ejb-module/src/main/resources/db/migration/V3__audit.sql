-- The audit trail: append-only, written in the transaction of each change. Only the retention
-- timer deletes, by age.
CREATE SEQUENCE audit_record_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_record (
    id          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    export_id   BIGINT,
    detail      VARCHAR(8000) NOT NULL
);
CREATE INDEX audit_record_by_time ON audit_record (occurred_at);
CREATE INDEX audit_record_by_export ON audit_record (export_id);

-- Every download of an export file.
CREATE SEQUENCE download_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE download (
    id            BIGINT       NOT NULL PRIMARY KEY,
    export_id     BIGINT       NOT NULL REFERENCES export (id),
    username      VARCHAR(255) NOT NULL,
    ip_address    VARCHAR(64)  NOT NULL,
    user_agent    VARCHAR(1000),
    downloaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The download history of an export, newest first.
CREATE INDEX download_by_export ON download (export_id, downloaded_at DESC, id DESC);
CREATE INDEX download_by_time ON download (downloaded_at);

-- Files are purged 30 days after their export completed; the row stays in the log.
ALTER TABLE export ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
-- The retention timer looks for completed exports by end time; recovery after a crash by status.
DROP INDEX export_by_status;
CREATE INDEX export_by_status_end ON export (status, ended_at);
