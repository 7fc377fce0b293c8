-- The language and time zone of a super admin's Keycloak account (its locale and zoneinfo), seen
-- with their address: their notice mails are written in that language, their times in that zone.
ALTER TABLE known_super_admin ADD COLUMN locale VARCHAR(35);
ALTER TABLE known_super_admin ADD COLUMN zone VARCHAR(64);
