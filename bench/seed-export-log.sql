-- A long export history for the export log benchmark: :exports exports, one every 30 seconds
-- back from now (a year for 1,000,000), by 50 users (bob and erin among them) over the three
-- demo sources, mostly completed, the files of those older than the download window purged; and
-- :downloads downloads of the newest completed ones.
INSERT INTO export (id, file_name, source, format, filters, records, written, requested_by, requested_at,
                    status, ended_at, file_size, sha256, cancelled_by, failure, recorded_by_host, purged_at)
SELECT nextval('export_id_seq'),
       'seeded-' || g || '.csv',
       (ARRAY['contacts', 'companies', 'deals'])[1 + g % 3],
       'CSV', '{}', 1000 + g % 5000, 1000 + g % 5000,
       CASE g % 50 WHEN 0 THEN 'bob' WHEN 1 THEN 'erin' ELSE 'user' || (g % 50) END,
       now() - g * interval '30 seconds',
       CASE WHEN g % 20 = 0 THEN 'FAILED' WHEN g % 7 = 0 THEN 'CANCELLED' ELSE 'COMPLETED' END,
       now() - g * interval '30 seconds' + interval '5 seconds',
       CASE WHEN g % 20 = 0 OR g % 7 = 0 THEN NULL ELSE 100000 + g END,
       CASE WHEN g % 20 = 0 OR g % 7 = 0 THEN NULL ELSE md5(g::text) || md5(g::text) END,
       CASE WHEN g % 20 <> 0 AND g % 7 = 0 THEN 'alice' END,
       CASE WHEN g % 20 = 0 THEN 'seeded failure' END,
       false,
       -- purged as the retention would have, 30 days after they ended: else it purges them during the
       -- bench, a batch a minute, and the log's pages are measured beside that work
       CASE WHEN g % 20 <> 0 AND g % 7 <> 0 AND g * interval '30 seconds' >= interval '30 days 5 seconds'
            THEN now() - g * interval '30 seconds' + interval '30 days 5 seconds' END
FROM generate_series(1, :exports) AS g;

INSERT INTO download (id, export_id, username, ip_address, user_agent, downloaded_at)
SELECT nextval('download_id_seq'), e.id, e.requested_by, '10.0.' || (e.id % 250) || '.' || (e.id % 200),
       'bench', e.ended_at + interval '1 minute'
FROM (SELECT id, requested_by, ended_at FROM export WHERE status = 'COMPLETED'
      ORDER BY requested_at DESC LIMIT :downloads) AS e;

ANALYZE export;
ANALYZE download;
