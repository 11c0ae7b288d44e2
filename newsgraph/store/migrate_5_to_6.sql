-- Schema 5 -> 6: the articles someone is quoted in keep their date (speaker_articles.published;
-- quote_facts, which gains the column, is dropped for schema.sql to create it again), and quotation
-- groups keep their figures (schema.sql, quote_group_*): each member gets its wording
-- (newsgraph_wording(), store/wording.py, registered by store/db.py migrate), its article's date
-- and id and its speaker as printed; schema.sql then adds the indexes, tables and triggers, and
-- quote_group_figures.sql fills the tables. Keep in step with schema.sql.
CREATE TABLE IF NOT EXISTS quote_group_members (  -- schema 5's, for an older store that had no groups
    quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES quote_groups(id) ON DELETE CASCADE
);
ALTER TABLE quote_group_members ADD COLUMN wording TEXT;
ALTER TABLE quote_group_members ADD COLUMN published TEXT;
ALTER TABLE quote_group_members ADD COLUMN article_id INTEGER;
ALTER TABLE quote_group_members ADD COLUMN speaker TEXT;
UPDATE quote_group_members SET (wording, published, article_id, speaker) =
    (SELECT newsgraph_wording(q.content), a.published, a.id, q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id
     WHERE q.id = quote_group_members.quote_id);
CREATE TABLE IF NOT EXISTS speaker_articles (  -- schema 5's, for an older store (its totals are rebuilt)
    key TEXT NOT NULL, article_id INTEGER NOT NULL, quotes INTEGER NOT NULL, PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
ALTER TABLE speaker_articles ADD COLUMN published TEXT;
UPDATE speaker_articles SET published = (SELECT published FROM articles WHERE id = speaker_articles.article_id);
DROP VIEW IF EXISTS quote_facts;
DROP TRIGGER IF EXISTS totals_people_au;  -- schema.sql's read speaker_articles by both key columns
DROP TRIGGER IF EXISTS totals_people_ai;  -- and these three share person_totals_delta
DROP TRIGGER IF EXISTS totals_people_bd;
