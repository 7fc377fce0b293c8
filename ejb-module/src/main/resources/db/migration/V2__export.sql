-- One row per export, kept after its file is purged: the export log reads this table.
CREATE SEQUENCE export_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE export (
    id               BIGINT       NOT NULL PRIMARY KEY,
    file_name        VARCHAR(255) NOT NULL,
    source           VARCHAR(100) NOT NULL,
    format           VARCHAR(10)  NOT NULL,
    filters          VARCHAR(4000) NOT NULL,
    records          BIGINT,
    written          BIGINT       NOT NULL,
    requested_by     VARCHAR(255) NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE,
    file_size        BIGINT,
    sha256           CHAR(64),
    cancelled_by     VARCHAR(255),
    failure          VARCHAR(1000),
    recorded_by_host BOOLEAN      NOT NULL,
    job_execution_id BIGINT,
    CONSTRAINT export_status CHECK (status IN ('PROCESSING', 'COMPLETED', 'CANCELLED', 'FAILED'))
);

-- The export log: newest first, for everyone and per user.
CREATE INDEX export_by_date ON export (requested_at DESC, id DESC);
CREATE INDEX export_by_user_date ON export (requested_by, requested_at DESC, id DESC);
-- Recovery after a crash looks for exports left in progress.
CREATE INDEX export_by_status ON export (status);
