-- The outbox claims a mail before it sends it, in a transaction of its own, and sends outside any
-- transaction: a mail is PENDING, SENDING (claimed: by whom, since when), SENT, or FAILED after its
-- bounded attempts. A claim older than the claim timeout is taken to be a crashed sender's.
ALTER TABLE outgoing_mail ADD COLUMN status VARCHAR(10) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE outgoing_mail ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outgoing_mail ADD COLUMN claimed_by VARCHAR(100);
UPDATE outgoing_mail SET status = 'SENT' WHERE sent_at IS NOT NULL;

DROP INDEX outgoing_mail_due;
CREATE INDEX outgoing_mail_due ON outgoing_mail (status, next_attempt_at);
CREATE INDEX outgoing_mail_of_notice ON outgoing_mail (notice_id);
