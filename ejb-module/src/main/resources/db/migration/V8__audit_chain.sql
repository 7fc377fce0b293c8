-- The audit trail becomes a hash chain (issue 14): each record gets its place (seq: contiguous, in
-- the order records are chained, under the lock on the head below, not by a sequence, whose numbers
-- are taken in another order than transactions commit) and hash = SHA-256(previous hash ||
-- canonical record). The records of before are chained, in the order they were written, by V8_1,
-- which also makes both columns required and puts the database's refusals in place.
ALTER TABLE audit_record ADD COLUMN seq BIGINT;
ALTER TABLE audit_record ADD COLUMN hash CHAR(64);

-- The chain in one row: its head (the last record's seq and hash), and its start: the checkpoint
-- the retention left (the last deleted record's seq and hash), or 0 and the genesis hash.
-- Chaining serialises on this row.
CREATE TABLE audit_chain (
    id         INTEGER  NOT NULL PRIMARY KEY CHECK (id = 1),
    head_seq   BIGINT   NOT NULL,
    head_hash  CHAR(64) NOT NULL,
    start_seq  BIGINT   NOT NULL,
    start_hash CHAR(64) NOT NULL
);

-- Records written in their change's transaction, waiting for their place in the chain: the
-- chainer moves them into audit_record right after the commit. A change never waits for the
-- chain's lock, and the lock is never held across a change's commit.
CREATE TABLE audit_pending (
    id          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    export_id   BIGINT,
    detail      VARCHAR(8000) NOT NULL
);
