-- The quotation groups' figures of schema.sql (schema 6: quote_groups.size, quote_group_wordings,
-- quote_group_speakers) computed from scratch from quote_group_members: a store migrating from
-- schema 5 runs this after migrate_5_to_6.sql and schema.sql (store/db.py); tests compare it with
-- the figures the triggers kept. Keep in step with the quote_group_members_* triggers.
DELETE FROM quote_group_wordings;
DELETE FROM quote_group_speakers;
UPDATE quote_groups SET size = (SELECT count(*) FROM quote_group_members m WHERE m.group_id = quote_groups.id);
INSERT INTO quote_group_wordings(group_id, wording, quotes)
SELECT group_id, coalesce(wording, ''), count(*) FROM quote_group_members GROUP BY 1, 2;
INSERT INTO quote_group_speakers(speaker, group_id, quotes)
SELECT speaker, group_id, count(*) FROM quote_group_members WHERE speaker IS NOT NULL GROUP BY 1, 2;
