-- Schema 3 -> 4. Runs inside the migration's transaction; schema.sql then adds the new indexes.
--
-- 1. The document name shown to people is unique in a store (issue 16). Stores built before named
-- articles by file base name, so two inputs "001.txt" from different folders shared one.
-- A shared name becomes the input's path (or URL) as it was given, where that is itself unique ...
UPDATE articles SET document = source
WHERE source IS NOT NULL AND source <> document
  AND document IN (SELECT document FROM articles GROUP BY document HAVING count(*) > 1)
  AND source NOT IN (SELECT document FROM articles)
  AND source IN (SELECT source FROM articles GROUP BY source HAVING count(*) = 1);

-- ... and any name still shared (no usable source) gets its store id, the earliest keeping it bare.
UPDATE articles SET document = document || ' (' || id || ')'
WHERE id NOT IN (SELECT min(id) FROM articles GROUP BY document);

-- 2. Speakers are entities (issue 14): a quotation's speaker has a type (PERSON, ORG, GROUP,
-- UNNAMED) and, for unnamed sources and groups, the organisation they speak for; a person has a
-- gender when the text says it. Older rows: a named speaker linked to a person entity is a
-- PERSON; the rest stay unknown (re-ingest to fill them).
-- A quotation has an act (speech, thought, other) and the quotation it is reported inside
-- (parent_id). Older rows: words in quotation marks are speech; an indirect item's act is
-- unknown (NULL) until re-ingested, so lists of speech leave it out.
ALTER TABLE quotes ADD COLUMN speaker_type TEXT;
ALTER TABLE quotes ADD COLUMN affiliation TEXT;
ALTER TABLE entities ADD COLUMN gender TEXT;
ALTER TABLE entities ADD COLUMN place_kind TEXT;
ALTER TABLE quotes ADD COLUMN act TEXT;
ALTER TABLE quotes ADD COLUMN parent_id INTEGER;
UPDATE quotes SET act = 'speech' WHERE kind IN ('direct', 'mixed');
UPDATE quotes SET speaker_type = 'PERSON' WHERE speaker IS NOT NULL AND speaker_entity_id IS NOT NULL;

-- 3. Search keeps typed accents and covers the article text (newsgraph/search.py); schema.sql
-- then finds the tables made and filled here (identical CREATE ... IF NOT EXISTS and triggers).
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts_exact USING fts5(
    content, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO quotes_fts_exact(quotes_fts_exact) VALUES ('rebuild');
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts_exact USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO articles_fts_exact(articles_fts_exact) VALUES ('rebuild');
