-- Schema 1 -> 2: articles keep their byline (HTML pages and JSONL lines carry an author).
-- Runs inside the migration's transaction; the column is last, as in schema.sql.
ALTER TABLE articles ADD COLUMN author TEXT;
