-- Attention over time (schema.sql, attention_tally) computed from scratch: the schema-7 migration runs
-- this after schema.sql, and rebuild_totals after totals_rebuild.sql; tests compare it with what the
-- attention_* triggers kept. Summed per article date first, then written through attention_delta.
DELETE FROM attention_tally;
INSERT INTO attention_delta(key, published, articles, quotes)
SELECT p.key, a.published, sum(p.articles), sum(p.quotes) FROM attention_article_parts p
JOIN articles a ON a.id = p.article_id GROUP BY 1, 2;
