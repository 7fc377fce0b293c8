-- A cluster of servers shares one database: each export in progress is owned by the node that runs
-- it, for as long as that node renews its lease (every second). An export whose lease ran out (its
-- node died or hangs) is taken over by another node and run again; takeovers counts how often, so
-- that an export that kills every node it lands on is failed after a few tries. A lease of NULL was
-- handed back (an orderly shutdown) or never given (an export from before this migration): any node
-- may take it over at once.
ALTER TABLE export ADD COLUMN node VARCHAR(100);
ALTER TABLE export ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE export ADD COLUMN takeovers INTEGER DEFAULT 0 NOT NULL;
