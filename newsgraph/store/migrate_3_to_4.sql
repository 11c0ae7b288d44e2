-- Schema 3 -> 4: search keeps typed accents and covers the article text (newsgraph/search.py).
-- Runs inside the migration's transaction, before schema.sql (whose identical CREATE ... IF NOT
-- EXISTS statements and triggers then find the tables made and filled here).
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
