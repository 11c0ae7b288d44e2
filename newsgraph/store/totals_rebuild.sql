-- The totals of schema.sql (schema 5) computed from scratch: a store migrating from schema 4 runs
-- this after schema.sql; tests compare it with the totals the triggers kept. Keep in step with
-- the triggers (totals_*) in schema.sql.
DELETE FROM quote_tally;
DELETE FROM speaker_articles;
DELETE FROM person_totals;
DELETE FROM person_names;
DELETE FROM place_totals;
DELETE FROM place_types;
DELETE FROM event_years;
DELETE FROM speaker_names;

INSERT INTO quote_tally(speaker_key, linked, type, outlet, month, act, kind, quotes)
SELECT speaker_key, linked, type, outlet, month, act, kind, count(*) FROM quote_facts GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Its insert trigger adds each row's quotations and article to person_totals.
INSERT INTO speaker_articles(key, article_id, quotes, published)
SELECT identity_key, article_id, count(*), published FROM quote_facts WHERE identity_key IS NOT NULL GROUP BY 1, 2;

INSERT INTO person_totals(key, entities, articles, mentions, said_female, said_male, titled_female, titled_male,
                          alias_female, alias_male)
SELECT e.key, count(*), count(DISTINCT e.article_id), sum(e.mentions), sum(e.gender IS 'female'),
       sum(e.gender IS 'male'), sum(e.titled_female), sum(e.titled_male), sum(e.alias_female), sum(e.alias_male)
FROM (SELECT CASE WHEN x.global_id IS NULL THEN 'n' || x.name ELSE 'g' || x.global_id END AS key, x.article_id,
             x.gender, (SELECT count(*) FROM mentions m WHERE m.entity_id = x.id) AS mentions,
             f.titled_female, f.titled_male, f.alias_female, f.alias_male
      FROM entities x JOIN person_title_flags f ON f.id = x.id WHERE x.type = 'PERSON') e
WHERE true GROUP BY e.key
ON CONFLICT(key) DO UPDATE SET entities = excluded.entities, articles = excluded.articles,
    mentions = excluded.mentions, said_female = excluded.said_female, said_male = excluded.said_male,
    titled_female = excluded.titled_female, titled_male = excluded.titled_male,
    alias_female = excluded.alias_female, alias_male = excluded.alias_male;

INSERT INTO person_names(key, name, entities)
SELECT CASE WHEN global_id IS NULL THEN 'n' || name ELSE 'g' || global_id END, name, count(*)
FROM entities WHERE type = 'PERSON' GROUP BY 1, 2;

INSERT INTO place_totals(name, entities, mentions, articles, lat, lon, country)
SELECT e.name, count(*), sum((SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)),
       count(DISTINCT e.article_id), max(e.lat), max(e.lon), max(e.country)
FROM entities e WHERE e.type IN ('GPE', 'LOC', 'FAC') GROUP BY e.name;

INSERT INTO place_types(name, type, entities)
SELECT name, type, count(*) FROM entities WHERE type IN ('GPE', 'LOC', 'FAC') GROUP BY 1, 2;

INSERT INTO event_years(year, events)
SELECT substr(date, 1, 4), count(*) FROM events WHERE substr(date, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' GROUP BY 1;

INSERT INTO speaker_names(speaker, type, quotes)
SELECT speaker, type, count(*) FROM quote_facts WHERE speaker IS NOT NULL GROUP BY 1, 2;
