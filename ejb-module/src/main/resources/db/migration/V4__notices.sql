-- Where each super admin's notices are mailed: their account's address when they saved the threshold.
ALTER TABLE large_export_threshold ADD COLUMN email VARCHAR(320);

-- In-app notices: one per export and admin, however often the export's count is reported.
CREATE SEQUENCE notice_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE notice (
    id             BIGINT       NOT NULL PRIMARY KEY,
    admin_username VARCHAR(255) NOT NULL,
    export_id      BIGINT       NOT NULL REFERENCES export (id),
    exported_by    VARCHAR(255) NOT NULL,
    source         VARCHAR(100) NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    records        BIGINT       NOT NULL,
    threshold      INTEGER      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notice_once_per_export UNIQUE (admin_username, export_id)
);
CREATE INDEX notice_by_admin ON notice (admin_username, created_at DESC, id DESC);

-- The mail outbox: written in the transaction that counted the export, sent by the outbox timer,
-- retried with backoff while the SMTP server is down, and marked sent once.
CREATE SEQUENCE outgoing_mail_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE outgoing_mail (
    id              BIGINT        NOT NULL PRIMARY KEY,
    notice_id       BIGINT        NOT NULL REFERENCES notice (id),
    recipient       VARCHAR(320)  NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    text_body       VARCHAR(8000) NOT NULL,
    html_body       VARCHAR(16000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);
CREATE INDEX outgoing_mail_due ON outgoing_mail (sent_at, next_attempt_at);
