-- An export's reason column held three things: a denial's reason (the approver's words), a block's message
-- (the policy's), and, for exports that expired while an expiry was still stored as a sentence, English text
-- nothing reads any more.
-- Each meaning now has its own column; an expiry is said from its deadline (awaiting_until) and keeps no text.
ALTER TABLE export ADD COLUMN denial_reason VARCHAR(1000);
ALTER TABLE export ADD COLUMN block_message VARCHAR(1000);
UPDATE export SET denial_reason = reason WHERE status = 'DENIED';
UPDATE export SET block_message = reason WHERE status = 'BLOCKED';
ALTER TABLE export DROP COLUMN reason;
