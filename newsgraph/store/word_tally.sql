-- Words over time (schema.sql, word_tally) computed from scratch for the articles of one month: store/db.py
-- rebuild_word_tally empties word_tally, then runs this once per month of the articles' dates (:month, NULL
-- for none; :ids, the month's article ids as a JSON list), writing through word_delta as the triggers do.
INSERT INTO word_fts_scratch(rowid, first, second) SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(:ids));
INSERT INTO word_delta VALUES (:month, 1, 0);
INSERT INTO word_fts_scratch(rowid, first) SELECT id, content FROM quotes WHERE article_id IN (SELECT value FROM json_each(:ids));
INSERT INTO word_delta VALUES (:month, 0, 1);
