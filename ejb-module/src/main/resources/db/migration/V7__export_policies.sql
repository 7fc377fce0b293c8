-- Export policies: what happens to an export whose record count, or whose user's total over a
-- window, reaches a limit. rule_key is the policy's rule without its limit and message (source,
-- role, action, window, measure; '*' for "all"): two policies with the same rule would contradict
-- or repeat each other, so the database refuses the second even when two admins add it at once.
CREATE SEQUENCE export_policy_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE export_policy (
    id             BIGINT       NOT NULL PRIMARY KEY,
    source         VARCHAR(100),
    applies_to     VARCHAR(50),
    action         VARCHAR(20)  NOT NULL,
    record_limit   BIGINT       NOT NULL,
    window_seconds BIGINT,
    measure        VARCHAR(20)  NOT NULL,
    message        VARCHAR(500),
    rule_key       VARCHAR(300) NOT NULL,
    created_by     VARCHAR(255) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT export_policy_once UNIQUE (rule_key),
    CONSTRAINT export_policy_action CHECK (action IN ('NOTIFY', 'STEP_UP', 'APPROVE', 'BLOCK')),
    CONSTRAINT export_policy_measure CHECK (measure IN ('RECORDS', 'EXPORTS'))
);

-- What a policy decided on an export: the policy (its id, and its rule as it read then: a policy
-- may change or go later), who approved, denied or withdrew it and when, and why it was denied,
-- blocked or expired. awaiting_until is when an unanswered approval request expires.
ALTER TABLE export ADD COLUMN policy_id BIGINT;
ALTER TABLE export ADD COLUMN policy VARCHAR(500);
ALTER TABLE export ADD COLUMN decided_by VARCHAR(255);
ALTER TABLE export ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE export ADD COLUMN reason VARCHAR(1000);
ALTER TABLE export ADD COLUMN awaiting_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE export DROP CONSTRAINT export_status;
ALTER TABLE export ADD CONSTRAINT export_status CHECK (status IN ('PROCESSING', 'COMPLETED', 'CANCELLED', 'FAILED',
    'AWAITING_APPROVAL', 'DENIED', 'EXPIRED', 'WITHDRAWN', 'BLOCKED'));

-- One row per user who ever asked for an export under a policy: locked while their export is
-- counted against their rolling limits and recorded, so two exports racing past a limit together
-- cannot both pass.
CREATE TABLE requester (
    username VARCHAR(255) NOT NULL PRIMARY KEY
);

-- The super admins Export Audit knows, with the address of their account: whoever has signed in
-- with the role. Approval requests go to all of them.
CREATE TABLE known_super_admin (
    username VARCHAR(255) NOT NULL PRIMARY KEY,
    email    VARCHAR(320),
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A notice may ask for an approval rather than (or as well as) tell of a large export: an
-- approval request goes to every super admin, whatever their threshold.
ALTER TABLE notice ADD COLUMN approval BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE notice ALTER COLUMN threshold DROP NOT NULL;
