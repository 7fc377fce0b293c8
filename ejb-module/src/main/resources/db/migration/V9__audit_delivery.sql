-- SIEM streaming: one delivery cursor per receiver (a webhook URL or a syslog collector, named
-- without credentials). The audit records' contiguous seq is the outbox: a receiver has had every
-- record up to delivered_seq, in order, and is sent the records after it. A sender claims the row
-- (claimed_by, claimed_at) in a short transaction before it sends, with no transaction open while
-- it sends; a claim older than the claim timeout is taken to be a crashed sender's. While a receiver
-- fails, attempts counts the failures since its last success and next_attempt_at holds the backoff.
CREATE TABLE audit_delivery (
    receiver        VARCHAR(500) NOT NULL PRIMARY KEY,
    kind            VARCHAR(10)  NOT NULL,
    delivered_seq   BIGINT       NOT NULL,
    attempts        INTEGER      DEFAULT 0 NOT NULL,
    failing_since   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(100),
    claimed_at      TIMESTAMP WITH TIME ZONE
);
