-- N contacts (psql variable :rows) of realistic width, generated inside PostgreSQL.
DROP TABLE IF EXISTS bench_contact;
CREATE UNLOGGED TABLE bench_contact AS
SELECT g AS id,
       (ARRAY['Zoë','José','Siobhán','Łukasz','Anaïs','Jürgen','Søren','Chloé','Mei','Ahmed'])[1 + g % 10] AS first_name,
       (ARRAY['Ångström','Müller','García','O''Brien','Nowak','Dubois','Smith','Núñez','Rossi','Tanaka','Nguyễn'])[1 + g % 11] AS last_name,
       'contact' || g || '@example.com' AS email,
       '+43 1 ' || (1000000 + g % 8999999) AS phone,
       CASE WHEN g % 4 = 0 THEN NULL ELSE '+44 7700 ' || (100000 + g % 899999) END AS mobile,
       (ARRAY['Head of Sales','CFO','Account Executive','VP, Operations','-VP-','Engineer'])[1 + g % 6] AS job_title,
       'Company ' || (g % 5000) || ', Inc.' AS company,
       (g % 200) || ' Hauptstraße' AS street,
       (ARRAY['Vienna','Zürich','München','København','Kraków','Lyon','Dublin','São Paulo'])[1 + g % 8] AS city,
       lpad((g % 100000)::text, 5, '0') AS postal_code,
       (ARRAY['Austria','Switzerland','Germany','Denmark','Poland','France','Ireland','Brazil'])[1 + g % 8] AS country,
       (ARRAY['lead','customer','opportunity','subscriber'])[1 + g % 4] AS lifecycle_stage,
       g % 101 AS lead_score,
       (ARRAY['bob','erin','@sales'])[1 + g % 3] AS owner,
       DATE '2020-01-01' + (g % 1800) AS created_on,
       CASE WHEN g % 5 = 0 THEN NULL ELSE DATE '2021-01-01' + (g % 1500) END AS last_contacted_on,
       CASE g % 6 WHEN 0 THEN 'Asked for "enterprise" pricing, call back'
                  WHEN 1 THEN E'Line one\nLine two'
                  WHEN 2 THEN '=HYPERLINK("http://evil.example")'
                  ELSE NULL END AS notes
FROM generate_series(1, :rows) AS g;
ALTER TABLE bench_contact ADD PRIMARY KEY (id);
-- What a CRM indexes and exports filtered by (bench/filters.py): a day's new contacts, a lead score.
CREATE INDEX bench_contact_created_on ON bench_contact (created_on);
CREATE INDEX bench_contact_lead_score ON bench_contact (lead_score);
ANALYZE bench_contact;
