-- newsgraph store, schema version 7 (store/db.py SCHEMA_VERSION). Offsets are Python str indices into articles.text.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,          -- sha256 of the text: the same article is stored once; its first 16
                                        -- hex digits are the article's stable key (links, API URLs)
    document TEXT NOT NULL,             -- unique name: path below the ingested folder, JSONL id, URL (schema 4)
    title TEXT, published TEXT, source TEXT, url TEXT, outlet TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    author TEXT                         -- byline (schema 2, migrate_1_to_2.sql: keep the two in step)
);
CREATE INDEX IF NOT EXISTS articles_document ON articles(document);
CREATE UNIQUE INDEX IF NOT EXISTS articles_document_unique ON articles(document);  -- schema 4: one article per name
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind TEXT NOT NULL                  -- text | heading
);
CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article_id);

CREATE TABLE IF NOT EXISTS boilerplate (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS boilerplate_article ON boilerplate(article_id);

-- One real person/organisation/place across articles (see store/merge.py).
CREATE TABLE IF NOT EXISTS global_entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS global_entities_name ON global_entities(name);

-- One entity per article: its mentions grouped under a canonical name.
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    global_id INTEGER REFERENCES global_entities(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]', -- JSON list
    roles TEXT NOT NULL DEFAULT '[]',   -- JSON list
    lat REAL, lon REAL, country TEXT,
    gender TEXT,                        -- PERSON: female | male when the text says so (schema 4)
    place_kind TEXT                     -- a place: country | region | state | city | continent ... (schema 4)
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE INDEX IF NOT EXISTS entities_global ON entities(global_id);
CREATE INDEX IF NOT EXISTS entities_type_name ON entities(type, name);  -- web: places/people by type
CREATE INDEX IF NOT EXISTS entities_lower_name ON entities(lower(name));  -- merge: lone surnames, per batch
-- Schema 6: the entities a merge has still to join (store/merge.py, per batch), by type; without it each
-- batch read every entity of a type never merged (NORP, EVENT …: 170,000 at a million quotations).
CREATE INDEX IF NOT EXISTS entities_unmerged ON entities(type) WHERE global_id IS NULL;

CREATE TABLE IF NOT EXISTS mentions (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);

CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    spans TEXT NOT NULL,                -- JSON [[start, end], ...] (content, marks excluded)
    content TEXT NOT NULL,
    kind TEXT NOT NULL,                 -- direct | mixed | indirect
    speaker TEXT,                       -- name a reader sees: person, organisation, group or unnamed source
    speaker_start INTEGER, speaker_end INTEGER,
    descriptor TEXT,                    -- "a source", kept when the speaker is unnamed
    speaker_entity_id INTEGER REFERENCES entities(id),
    cue_start INTEGER, cue_end INTEGER, cue_lemma TEXT,
    confidence REAL NOT NULL DEFAULT 1.0,
    speaker_type TEXT,                  -- PERSON | ORG | GROUP | UNNAMED (schema 4)
    affiliation TEXT,                   -- whom an unnamed source or group speaks for (schema 4)
    act TEXT,                           -- speech | thought | other; NULL: stored before schema 4 (schema 4)
    parent_id INTEGER                   -- quotes.id of the quotation this one is reported inside (schema 4)
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS quotes_speaker_entity ON quotes(speaker_entity_id);  -- a person's quotations (identity.py)
CREATE INDEX IF NOT EXISTS quotes_act ON quotes(act);
-- A speaker's quotations counted per act in the index alone (query.count_quotes: `quotes --speaker`).
CREATE INDEX IF NOT EXISTS quotes_speaker_act ON quotes(speaker, act);
-- Lists of quotations by date (query.quotes): articles in that order, then each one's quotations (schema 5).
CREATE INDEX IF NOT EXISTS quotes_article_start ON quotes(article_id, start);
-- A quotation's article by its id without reading its row (attention.py: a search's 2,000 latest
-- matching quotations placed in time, 2,000 look-ups in this index rather than in the table's wide rows).
CREATE INDEX IF NOT EXISTS quotes_article_of ON quotes(id, article_id);
CREATE INDEX IF NOT EXISTS articles_newest ON articles(published DESC, id);
CREATE INDEX IF NOT EXISTS articles_oldest ON articles(published IS NULL, published, id);

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    content, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content, speaker) VALUES (new.id, new.content, new.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker) VALUES ('delete', old.id, old.content, old.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker) VALUES ('delete', old.id, old.content, old.speaker);
    INSERT INTO quotes_fts(rowid, content, speaker) VALUES (new.id, new.content, new.speaker);
END;

-- Search (newsgraph/search.py): the indexes above and below remove accents; the *_exact ones keep
-- them, for the words a user types with an accent ("Peña" is not "Pena"). Schema 4
-- (migrate_3_to_4.sql builds them for older stores: keep the two in step).
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts_exact USING fts5(
    content, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER IF NOT EXISTS quotes_exact_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts_exact(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER IF NOT EXISTS quotes_exact_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts_exact(quotes_fts_exact, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER IF NOT EXISTS quotes_exact_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts_exact(quotes_fts_exact, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO quotes_fts_exact(rowid, content) VALUES (new.id, new.content);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts_exact USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    INSERT INTO articles_fts_exact(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts_exact(articles_fts_exact, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts_exact(articles_fts_exact, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    INSERT INTO articles_fts_exact(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE IF NOT EXISTS times (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,                         -- ISO 8601, NULL when unresolved
    how TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS times_article ON times(article_id);

CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    participants TEXT NOT NULL DEFAULT '[]',
    places TEXT NOT NULL DEFAULT '[]',
    time_start INTEGER, time_end INTEGER,  -- the time expression that dates it (NULL: a quotation)
    kind TEXT NOT NULL DEFAULT 'event'     -- 'event' (dated by a time expression) | 'quote'
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_timeline ON events(date IS NULL, date, article_id, start);  -- schema 5: the timeline's order

-- Inputs that could not be read or analysed; a rerun retries them and clears them on success.
CREATE TABLE IF NOT EXISTS failures (
    source TEXT PRIMARY KEY,
    problem TEXT NOT NULL,
    hint TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Inputs already ingested (resumable runs skip them without re-reading the model).
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE
);

-- Cross-article entity decisions (store/merge.py): one row per assignment of an entity to a
-- global entity, with the rule that made it; undone_at is set by `newsgraph unmerge`.
CREATE TABLE IF NOT EXISTS entity_merges (
    id INTEGER PRIMARY KEY,
    global_id INTEGER NOT NULL REFERENCES global_entities(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    merged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at TEXT
);
CREATE INDEX IF NOT EXISTS entity_merges_global ON entity_merges(global_id);
CREATE INDEX IF NOT EXISTS entity_merges_entity ON entity_merges(entity_id);

-- Quotations across articles (newsgraph/quote_groups.py): the same words by the same speaker in
-- several articles are one group. Every direct or mixed quotation of 6+ words by a named speaker
-- belongs to exactly one group (alone at first); the log keeps each assignment with its rule.
CREATE TABLE IF NOT EXISTS quote_groups (
    id INTEGER PRIMARY KEY,
    speaker_key TEXT NOT NULL,          -- 'g:<global entity id>' or 'n:<speaker name, case-folded>'
    size INTEGER NOT NULL DEFAULT 0     -- its quotations: lists of the most reported read an index, not a count
);
CREATE INDEX IF NOT EXISTS quote_groups_size ON quote_groups(size, id);
CREATE INDEX IF NOT EXISTS quote_groups_most ON quote_groups(size DESC, id);  -- schema 6: the list's order
-- Schema 6 (migrate_5_to_6.sql: keep in step) adds the quotation's words (store/wording.py), its
-- article's date and id and its speaker as printed, so a group's first occurrences and first
-- printers of each wording are read from an index, LIMIT n, not by sorting all of them.
CREATE TABLE IF NOT EXISTS quote_group_members (
    quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES quote_groups(id) ON DELETE CASCADE,
    wording TEXT, published TEXT, article_id INTEGER, speaker TEXT
);
CREATE INDEX IF NOT EXISTS quote_group_members_group ON quote_group_members(group_id);
CREATE INDEX IF NOT EXISTS quote_group_members_order
    ON quote_group_members(group_id, published IS NULL, published, article_id, quote_id);
CREATE INDEX IF NOT EXISTS quote_group_members_wording
    ON quote_group_members(group_id, wording, published IS NULL, published, article_id, quote_id);
-- A group's figures kept by the triggers below (schema 6; quote_group_figures.sql computes them from
-- scratch): its size, its quotations per wording and per speaker name as printed (the speaker= filter).
CREATE TABLE IF NOT EXISTS quote_group_wordings (
    group_id INTEGER NOT NULL, wording TEXT NOT NULL, quotes INTEGER NOT NULL, PRIMARY KEY (group_id, wording)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quote_group_speakers (
    speaker TEXT NOT NULL, group_id INTEGER NOT NULL, quotes INTEGER NOT NULL, PRIMARY KEY (speaker, group_id)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS quote_group_members_ai AFTER INSERT ON quote_group_members BEGIN
    UPDATE quote_groups SET size = size + 1 WHERE id = new.group_id;
    INSERT INTO quote_group_wordings(group_id, wording, quotes) VALUES (new.group_id, coalesce(new.wording, ''), 1)
    ON CONFLICT DO UPDATE SET quotes = quotes + 1;
    INSERT INTO quote_group_speakers(speaker, group_id, quotes) SELECT new.speaker, new.group_id, 1
    WHERE new.speaker IS NOT NULL ON CONFLICT DO UPDATE SET quotes = quotes + 1;
END;
CREATE TRIGGER IF NOT EXISTS quote_group_members_ad AFTER DELETE ON quote_group_members BEGIN
    UPDATE quote_groups SET size = size - 1 WHERE id = old.group_id;
    UPDATE quote_group_wordings SET quotes = quotes - 1 WHERE group_id = old.group_id AND wording = coalesce(old.wording, '');
    DELETE FROM quote_group_wordings WHERE group_id = old.group_id AND wording = coalesce(old.wording, '') AND quotes = 0;
    UPDATE quote_group_speakers SET quotes = quotes - 1 WHERE speaker = old.speaker AND group_id = old.group_id;
    DELETE FROM quote_group_speakers WHERE speaker = old.speaker AND group_id = old.group_id AND quotes = 0;
END;
-- A detach or ungroup (quote_groups.py) moves a quotation to another group as a delete and an insert:
-- no update trigger repeats these two.
-- An article's date corrected: its grouped quotations' order and its speakers' articles by date follow.
CREATE TRIGGER IF NOT EXISTS articles_published_au AFTER UPDATE OF published ON articles BEGIN
    UPDATE quote_group_members SET published = new.published WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = new.id);
    UPDATE speaker_articles SET published = new.published WHERE article_id = new.id
        AND key IN (SELECT identity_key FROM quote_facts WHERE article_id = new.id AND identity_key IS NOT NULL);
END;
-- The matching index: hashes of (speaker, three consecutive words) -> quotations holding them.
CREATE TABLE IF NOT EXISTS quote_shingles (
    shingle INTEGER NOT NULL,
    quote_id INTEGER NOT NULL,          -- no foreign key: a cascade would scan this table per quotation
    PRIMARY KEY (shingle, quote_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quote_group_log (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    grouped_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at TEXT
);
CREATE INDEX IF NOT EXISTS quote_group_log_quote ON quote_group_log(quote_id);

-- Totals kept current by triggers (schema 5; store/totals.py): lists, counts and charts read these
-- instead of a pass over every quotation or entity, so they cost the same at a million quotations
-- as at a thousand. store/totals_rebuild.sql computes them from scratch (a store migrating to 5).
-- A quotation's facts as the totals count them: its identity (identity.py: 'g<global id>' of its
-- speaker's person, else 'n<speaker>'), the key of the facets (the same, also without a speaker
-- name), its speaker type (who_is_quoted.SPEAKER_TYPE_SQL), the article's outlet and month; ''
-- stands for unknown in the columns of a total's key.
-- What a person entity's names say of their gender (Mrs/Ms/Miss/Lady/Dame, Mr/Sir/Lord), read by the
-- person_totals triggers and totals_rebuild.sql: one definition of the title words.
CREATE VIEW IF NOT EXISTS person_title_flags AS SELECT e.id,
    EXISTS (SELECT 1 FROM json_each(json_insert(e.aliases, '$[#]', e.name)) j WHERE lower(substr(trim(j.value), 1, instr(trim(j.value) || ' ', ' ') - 1)) IN ('mrs', 'mrs.', 'ms', 'ms.', 'miss', 'lady', 'dame')) AS titled_female,
    EXISTS (SELECT 1 FROM json_each(json_insert(e.aliases, '$[#]', e.name)) j WHERE lower(substr(trim(j.value), 1, instr(trim(j.value) || ' ', ' ') - 1)) IN ('mr', 'mr.', 'sir', 'lord')) AS titled_male,
    EXISTS (SELECT 1 FROM json_each(e.aliases) j WHERE substr(trim(j.value), 1, instr(trim(j.value) || ' ', ' ') - 1) IN ('Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss')) AS alias_female,
    EXISTS (SELECT 1 FROM json_each(e.aliases) j WHERE substr(trim(j.value), 1, instr(trim(j.value) || ' ', ' ') - 1) IN ('Mr', 'Mr.')) AS alias_male
FROM entities e;
CREATE VIEW IF NOT EXISTS quote_facts AS SELECT q.id, q.article_id, q.speaker, q.speaker_entity_id,
    CASE WHEN q.speaker IS NULL THEN NULL WHEN e.global_id IS NOT NULL THEN 'g' || e.global_id
         ELSE 'n' || q.speaker END AS identity_key,
    CASE WHEN e.global_id IS NOT NULL THEN 'g' || e.global_id WHEN q.speaker IS NOT NULL THEN 'n' || q.speaker
         ELSE '' END AS speaker_key,
    q.speaker_entity_id IS NOT NULL AS linked,
    CASE WHEN q.speaker IS NULL OR q.speaker_type = 'UNNAMED' THEN 'unnamed'
         WHEN q.speaker_type = 'PERSON' OR q.speaker_type IS NULL AND q.speaker_entity_id IS NOT NULL THEN 'person'
         WHEN q.speaker_type = 'ORG' THEN 'organisation'
         WHEN q.speaker_type = 'GROUP' THEN 'group'
         WHEN q.speaker_type IS NULL AND EXISTS (SELECT 1 FROM entities o WHERE o.article_id = q.article_id
                      AND o.name = q.speaker AND o.type = 'ORG') THEN 'organisation'
         ELSE 'other' END AS type,
    coalesce(a.outlet, '') AS outlet, coalesce(substr(a.published, 1, 7), '') AS month,
    coalesce(q.act, '') AS act, q.kind, a.published
    FROM quotes q JOIN articles a ON a.id = q.article_id
    LEFT JOIN entities e ON e.id = q.speaker_entity_id AND e.type = 'PERSON';

-- Quotations per (facet key, speaker linked, type, outlet, month, act, kind): /who, facets, counts.
CREATE TABLE IF NOT EXISTS quote_tally (
    speaker_key TEXT NOT NULL, linked INTEGER NOT NULL, type TEXT NOT NULL, outlet TEXT NOT NULL,
    month TEXT NOT NULL, act TEXT NOT NULL, kind TEXT NOT NULL, quotes INTEGER NOT NULL,
    PRIMARY KEY (speaker_key, linked, type, outlet, month, act, kind)
) WITHOUT ROWID;
-- Quotations per identity and article (the articles an "other" speaker is quoted in), with the
-- article's date (schema 6): someone's quotations by date walk their articles through
-- speaker_articles_newest (query.quotes), not a sort of all of them.
CREATE TABLE IF NOT EXISTS speaker_articles (
    key TEXT NOT NULL, article_id INTEGER NOT NULL, quotes INTEGER NOT NULL, published TEXT,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_articles_newest ON speaker_articles(key, published DESC, article_id);
-- One row per identity: its PERSON entities, the articles they are in, mentions, quotations, and
-- what the articles say of its gender (entities.gender; a title such as "Mrs" among its names).
CREATE TABLE IF NOT EXISTS person_totals (
    key TEXT PRIMARY KEY, entities INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0,
    quote_articles INTEGER NOT NULL DEFAULT 0, said_female INTEGER NOT NULL DEFAULT 0,
    said_male INTEGER NOT NULL DEFAULT 0, titled_female INTEGER NOT NULL DEFAULT 0,
    titled_male INTEGER NOT NULL DEFAULT 0,
    alias_female INTEGER NOT NULL DEFAULT 0,  -- an alias "Mrs …" (store/merge.py's title rule)
    alias_male INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS person_names (
    key TEXT NOT NULL, name TEXT NOT NULL, entities INTEGER NOT NULL, PRIMARY KEY (key, name)
) WITHOUT ROWID;
-- Who goes by a name, without every identity built (identity.lookup: a CLI command about one person; schema 8).
CREATE INDEX IF NOT EXISTS person_names_name ON person_names(name);
-- Places (model.PLACE_TYPES) by name: entities, mentions, articles, coordinates; and their types.
CREATE TABLE IF NOT EXISTS place_totals (
    name TEXT PRIMARY KEY, entities INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0, lat REAL, lon REAL, country TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS place_types (
    name TEXT NOT NULL, type TEXT NOT NULL, entities INTEGER NOT NULL, PRIMARY KEY (name, type)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS speaker_articles_ai AFTER INSERT ON speaker_articles BEGIN
    INSERT INTO person_totals(key, quotes, quote_articles) VALUES (new.key, new.quotes, 1)
    ON CONFLICT(key) DO UPDATE SET quotes = quotes + excluded.quotes, quote_articles = quote_articles + 1;
END;
CREATE TRIGGER IF NOT EXISTS speaker_articles_au AFTER UPDATE OF quotes ON speaker_articles BEGIN
    UPDATE person_totals SET quotes = quotes + new.quotes - old.quotes WHERE key = new.key;
    DELETE FROM person_totals WHERE key = new.key AND entities = 0 AND quotes = 0;
END;
CREATE TRIGGER IF NOT EXISTS speaker_articles_ad AFTER DELETE ON speaker_articles BEGIN
    UPDATE person_totals SET quotes = quotes - old.quotes, quote_articles = quote_articles - 1 WHERE key = old.key;
    DELETE FROM person_totals WHERE key = old.key AND entities = 0 AND quotes = 0;
END;

-- Quotations per speaker name as printed (quotes.speaker) and speaker type: a part of a name
-- ("--speaker blair") is looked for among these names, then their quotations are read through
-- quotes_speaker; /who lists the most quoted organisations from it.
CREATE TABLE IF NOT EXISTS speaker_names (
    speaker TEXT NOT NULL, type TEXT NOT NULL, quotes INTEGER NOT NULL, PRIMARY KEY (speaker, type)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS totals_quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO speaker_names(speaker, type, quotes)
    SELECT speaker, type, 1 FROM quote_facts WHERE id = new.id AND speaker IS NOT NULL
    ON CONFLICT DO UPDATE SET quotes = quotes + 1;
    INSERT INTO quote_tally(speaker_key, linked, type, outlet, month, act, kind, quotes)
    SELECT speaker_key, linked, type, outlet, month, act, kind, 1 FROM quote_facts WHERE id = new.id
    ON CONFLICT DO UPDATE SET quotes = quotes + 1;
    INSERT INTO speaker_articles(key, article_id, quotes, published)
    SELECT identity_key, article_id, 1, published FROM quote_facts WHERE id = new.id AND identity_key IS NOT NULL
    ON CONFLICT DO UPDATE SET quotes = quotes + 1;
END;
-- Deleting an article (totals_articles_bd) deletes its quotations first, while their speakers' entities exist.
CREATE TRIGGER IF NOT EXISTS totals_quotes_bd BEFORE DELETE ON quotes BEGIN
    UPDATE speaker_names SET quotes = quotes - 1
    WHERE (speaker, type) = (SELECT speaker, type FROM quote_facts WHERE id = old.id);
    DELETE FROM speaker_names WHERE quotes = 0 AND (speaker, type) = (SELECT speaker, type FROM quote_facts WHERE id = old.id);
    UPDATE quote_tally SET quotes = quotes - 1 WHERE (speaker_key, linked, type, outlet, month, act, kind) =
        (SELECT speaker_key, linked, type, outlet, month, act, kind FROM quote_facts WHERE id = old.id);
    DELETE FROM quote_tally WHERE quotes = 0 AND (speaker_key, linked, type, outlet, month, act, kind) =
        (SELECT speaker_key, linked, type, outlet, month, act, kind FROM quote_facts WHERE id = old.id);
    UPDATE speaker_articles SET quotes = quotes - 1
    WHERE key = (SELECT identity_key FROM quote_facts WHERE id = old.id) AND article_id = old.article_id;
    DELETE FROM speaker_articles
    WHERE key = (SELECT identity_key FROM quote_facts WHERE id = old.id) AND article_id = old.article_id AND quotes = 0;
END;

CREATE TRIGGER IF NOT EXISTS totals_articles_bd BEFORE DELETE ON articles BEGIN
    DELETE FROM quotes WHERE article_id = old.id;
    DELETE FROM mentions WHERE article_id = old.id;
    DELETE FROM entities WHERE article_id = old.id;
END;

CREATE TRIGGER IF NOT EXISTS totals_mentions_ai AFTER INSERT ON mentions BEGIN
    UPDATE person_totals SET mentions = mentions + 1 WHERE key =
        (SELECT CASE WHEN global_id IS NULL THEN 'n' || name ELSE 'g' || global_id END FROM entities
         WHERE id = new.entity_id AND type = 'PERSON');
    UPDATE place_totals SET mentions = mentions + 1 WHERE name =
        (SELECT name FROM entities WHERE id = new.entity_id AND type IN ('GPE', 'LOC', 'FAC'));
END;
CREATE TRIGGER IF NOT EXISTS totals_mentions_ad AFTER DELETE ON mentions BEGIN
    UPDATE person_totals SET mentions = mentions - 1 WHERE key =
        (SELECT CASE WHEN global_id IS NULL THEN 'n' || name ELSE 'g' || global_id END FROM entities
         WHERE id = old.entity_id AND type = 'PERSON');
    UPDATE place_totals SET mentions = mentions - 1 WHERE name =
        (SELECT name FROM entities WHERE id = old.entity_id AND type IN ('GPE', 'LOC', 'FAC'));
END;

-- One person entity counted into (sign 1) or out of (-1) its identity's totals (global_id: the one it
-- is counted under, which a merge changes): the one definition the insert, delete and merge
-- triggers below share (schema 6).
CREATE VIEW IF NOT EXISTS person_totals_delta AS SELECT NULL AS entity_id, NULL AS global_id, NULL AS sign;
CREATE TRIGGER IF NOT EXISTS person_totals_delta_ii INSTEAD OF INSERT ON person_totals_delta BEGIN
    INSERT INTO person_totals(key, entities, articles, mentions, said_female, said_male, titled_female, titled_male,
                              alias_female, alias_male)
    SELECT CASE WHEN new.global_id IS NULL THEN 'n' || e.name ELSE 'g' || new.global_id END, new.sign,
        new.sign * NOT EXISTS (SELECT 1 FROM entities o WHERE o.article_id = e.article_id AND o.id <> e.id AND o.type = 'PERSON' AND o.global_id IS new.global_id AND (new.global_id IS NOT NULL OR o.name = e.name)),
        new.sign * (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),
        new.sign * (e.gender IS 'female'), new.sign * (e.gender IS 'male'),
        new.sign * f.titled_female, new.sign * f.titled_male, new.sign * f.alias_female, new.sign * f.alias_male
    FROM entities e JOIN person_title_flags f ON f.id = e.id WHERE e.id = new.entity_id
    ON CONFLICT(key) DO UPDATE SET entities = entities + excluded.entities, articles = articles + excluded.articles,
        mentions = mentions + excluded.mentions, said_female = said_female + excluded.said_female,
        said_male = said_male + excluded.said_male, titled_female = titled_female + excluded.titled_female,
        titled_male = titled_male + excluded.titled_male,
        alias_female = alias_female + excluded.alias_female, alias_male = alias_male + excluded.alias_male;
    DELETE FROM person_totals WHERE entities = 0 AND quotes = 0 AND key =
        (SELECT CASE WHEN new.global_id IS NULL THEN 'n' || e.name ELSE 'g' || new.global_id END FROM entities e WHERE e.id = new.entity_id);
    INSERT INTO person_names(key, name, entities)
    SELECT CASE WHEN new.global_id IS NULL THEN 'n' || e.name ELSE 'g' || new.global_id END, e.name, new.sign
    FROM entities e WHERE e.id = new.entity_id
    ON CONFLICT DO UPDATE SET entities = entities + excluded.entities;
    DELETE FROM person_names WHERE entities = 0 AND (key, name) =
        (SELECT CASE WHEN new.global_id IS NULL THEN 'n' || e.name ELSE 'g' || new.global_id END, e.name FROM entities e WHERE e.id = new.entity_id);
END;
CREATE TRIGGER IF NOT EXISTS totals_people_ai AFTER INSERT ON entities WHEN new.type = 'PERSON' BEGIN
    INSERT INTO person_totals_delta(entity_id, global_id, sign) VALUES (new.id, new.global_id, 1);
END;
CREATE TRIGGER IF NOT EXISTS totals_people_bd BEFORE DELETE ON entities WHEN old.type = 'PERSON' BEGIN
    INSERT INTO person_totals_delta(entity_id, global_id, sign) VALUES (old.id, old.global_id, -1);
END;
-- A merge (store/merge.py) moves the entity, and the quotations its speaker said, to another identity.
CREATE TRIGGER IF NOT EXISTS totals_people_au AFTER UPDATE OF global_id ON entities
WHEN new.type = 'PERSON' AND old.global_id IS NOT new.global_id BEGIN
    INSERT INTO person_totals_delta(entity_id, global_id, sign) VALUES (old.id, old.global_id, -1);
    INSERT INTO person_totals_delta(entity_id, global_id, sign) VALUES (new.id, new.global_id, 1);
    UPDATE quote_tally SET quotes = quotes - (SELECT count(*) FROM (SELECT CASE WHEN old.global_id IS NOT NULL THEN 'g' || old.global_id WHEN f.speaker IS NOT NULL THEN 'n' || f.speaker ELSE '' END AS speaker_key, f.linked, f.type, f.outlet, f.month, f.act, f.kind FROM quote_facts f WHERE f.speaker_entity_id = new.id) f
        WHERE (speaker_key, linked, type, outlet, month, act, kind) IS (quote_tally.speaker_key, quote_tally.linked, quote_tally.type, quote_tally.outlet,
                            quote_tally.month, quote_tally.act, quote_tally.kind))
    WHERE (speaker_key, linked, type, outlet, month, act, kind) IN (SELECT CASE WHEN old.global_id IS NOT NULL THEN 'g' || old.global_id WHEN f.speaker IS NOT NULL THEN 'n' || f.speaker ELSE '' END AS speaker_key, f.linked, f.type, f.outlet, f.month, f.act, f.kind FROM quote_facts f WHERE f.speaker_entity_id = new.id);
    DELETE FROM quote_tally WHERE quotes = 0 AND (speaker_key, linked, type, outlet, month, act, kind) IN (SELECT CASE WHEN old.global_id IS NOT NULL THEN 'g' || old.global_id WHEN f.speaker IS NOT NULL THEN 'n' || f.speaker ELSE '' END AS speaker_key, f.linked, f.type, f.outlet, f.month, f.act, f.kind FROM quote_facts f WHERE f.speaker_entity_id = new.id);
    INSERT INTO quote_tally(speaker_key, linked, type, outlet, month, act, kind, quotes)
    SELECT speaker_key, linked, type, outlet, month, act, kind, count(*) FROM quote_facts WHERE speaker_entity_id = new.id GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes;
    -- key IN (…) AND article_id IN (…), not (key, article_id) IN (…): SQLite searches a row value's
    -- first column only, which read every article of a much-quoted identity (schema 6).
    UPDATE speaker_articles SET quotes = quotes - (SELECT count(*) FROM (SELECT CASE WHEN old.global_id IS NOT NULL THEN 'g' || old.global_id ELSE 'n' || f.speaker END AS key, f.article_id FROM quote_facts f WHERE f.speaker_entity_id = new.id AND f.speaker IS NOT NULL) f
        WHERE (f.key, f.article_id) IS (speaker_articles.key, speaker_articles.article_id))
    WHERE key IN (SELECT CASE WHEN old.global_id IS NOT NULL THEN 'g' || old.global_id ELSE 'n' || f.speaker END FROM quote_facts f WHERE f.speaker_entity_id = new.id AND f.speaker IS NOT NULL)
      AND article_id IN (SELECT f.article_id FROM quote_facts f WHERE f.speaker_entity_id = new.id AND f.speaker IS NOT NULL);
    DELETE FROM speaker_articles WHERE quotes = 0
      AND key IN (SELECT CASE WHEN old.global_id IS NOT NULL THEN 'g' || old.global_id ELSE 'n' || f.speaker END FROM quote_facts f WHERE f.speaker_entity_id = new.id AND f.speaker IS NOT NULL)
      AND article_id IN (SELECT f.article_id FROM quote_facts f WHERE f.speaker_entity_id = new.id AND f.speaker IS NOT NULL);
    INSERT INTO speaker_articles(key, article_id, quotes, published)
    SELECT identity_key, article_id, count(*), published FROM quote_facts WHERE speaker_entity_id = new.id
        AND identity_key IS NOT NULL GROUP BY 1, 2
    ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes;
END;

CREATE TRIGGER IF NOT EXISTS totals_places_ai AFTER INSERT ON entities WHEN new.type IN ('GPE', 'LOC', 'FAC') BEGIN
    INSERT INTO place_totals(name, entities, mentions, articles, lat, lon, country)
    VALUES (new.name, 1, (SELECT count(*) FROM mentions m WHERE m.entity_id = new.id), NOT EXISTS (SELECT 1 FROM entities o WHERE o.article_id = new.article_id AND o.id <> new.id AND o.name = new.name AND o.type IN ('GPE', 'LOC', 'FAC')), new.lat, new.lon, new.country)
    ON CONFLICT DO UPDATE SET entities = entities + 1, mentions = mentions + excluded.mentions,
        articles = articles + excluded.articles, lat = CASE WHEN lat IS NULL OR excluded.lat > lat THEN coalesce(excluded.lat, lat) ELSE lat END,
        lon = CASE WHEN lon IS NULL OR excluded.lon > lon THEN coalesce(excluded.lon, lon) ELSE lon END, country = CASE WHEN country IS NULL OR excluded.country > country THEN coalesce(excluded.country, country) ELSE country END;
    INSERT INTO place_types(name, type, entities) VALUES (new.name, new.type, 1)
    ON CONFLICT DO UPDATE SET entities = entities + 1;
END;
CREATE TRIGGER IF NOT EXISTS totals_places_bd BEFORE DELETE ON entities WHEN old.type IN ('GPE', 'LOC', 'FAC') BEGIN
    UPDATE place_totals SET entities = entities - 1, mentions = mentions - (SELECT count(*) FROM mentions m WHERE m.entity_id = old.id),
        articles = articles - NOT EXISTS (SELECT 1 FROM entities o WHERE o.article_id = old.article_id AND o.id <> old.id AND o.name = old.name AND o.type IN ('GPE', 'LOC', 'FAC')),
        lat = (SELECT max(lat) FROM entities o WHERE o.type IN ('GPE', 'LOC', 'FAC') AND o.name = old.name AND o.id <> old.id),
        lon = (SELECT max(lon) FROM entities o WHERE o.type IN ('GPE', 'LOC', 'FAC') AND o.name = old.name AND o.id <> old.id),
        country = (SELECT max(country) FROM entities o WHERE o.type IN ('GPE', 'LOC', 'FAC') AND o.name = old.name AND o.id <> old.id)
    WHERE name = old.name;
    DELETE FROM place_totals WHERE name = old.name AND entities = 0;
    UPDATE place_types SET entities = entities - 1 WHERE name = old.name AND type = old.type;
    DELETE FROM place_types WHERE name = old.name AND type = old.type AND entities = 0;
END;

-- Dated events per year (the timeline's chart of the whole store).
CREATE TABLE IF NOT EXISTS event_years (year TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS totals_events_ai AFTER INSERT ON events
WHEN substr(new.date, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' BEGIN
    INSERT INTO event_years(year, events) VALUES (substr(new.date, 1, 4), 1)
    ON CONFLICT DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER IF NOT EXISTS totals_events_ad AFTER DELETE ON events
WHEN substr(old.date, 1, 4) GLOB '[0-9][0-9][0-9][0-9]' BEGIN
    UPDATE event_years SET events = events - 1 WHERE year = substr(old.date, 1, 4);
    DELETE FROM event_years WHERE year = substr(old.date, 1, 4) AND events = 0;
END;

-- Attention over time (schema 7; attention.py), counted whole at any size: per person (the identity key
-- of person_totals) or place ('p' || its name) and per period of the article's date (the Monday of its
-- week and its month as attention.PERIOD_SQL has them; '' for none), the articles naming them and the
-- quotations counted for them (a person: their own, as speaker_articles; a place: those of the
-- articles naming it). Kept by the attention_* triggers; store/attention_tally.sql computes it from scratch.
-- The dates of many articles by id without reading their rows (each holds its text): a sampled chart
-- reads 2,000 (attention.py, INDEXED BY).
CREATE INDEX IF NOT EXISTS articles_dates ON articles(id, published);
CREATE TABLE IF NOT EXISTS attention_tally (
    key TEXT NOT NULL, week TEXT NOT NULL, month TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, week, month)
) WITHOUT ROWID;
-- Articles and quotations (signed) added to a key at the period of the date ``published``: the one
-- definition of the periods, which every trigger below and attention_tally.sql write through.
CREATE VIEW IF NOT EXISTS attention_delta AS SELECT NULL AS key, NULL AS published, NULL AS articles, NULL AS quotes;
CREATE TRIGGER IF NOT EXISTS attention_delta_ii INSTEAD OF INSERT ON attention_delta BEGIN
    INSERT INTO attention_tally(key, week, month, articles, quotes)
    SELECT new.key, coalesce(date(new.published, 'weekday 0', '-6 days'), ''), coalesce(substr(new.published, 1, 7), ''),
           new.articles, new.quotes WHERE new.articles <> 0 OR new.quotes <> 0  -- (a row emptied earlier stays out)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, quotes = quotes + excluded.quotes;
    DELETE FROM attention_tally WHERE (new.articles < 0 OR new.quotes < 0) AND key = new.key
        AND week = coalesce(date(new.published, 'weekday 0', '-6 days'), '')
        AND month = coalesce(substr(new.published, 1, 7), '') AND articles = 0 AND quotes = 0;
END;
-- What one article adds to each key: a person or place it names (one article however often), a
-- speaker's quotations, a named place's share of its quotations. An article's date corrected moves it
-- (attention_articles_published_au); attention_tally.sql sums it over every article.
CREATE VIEW IF NOT EXISTS attention_article_parts AS
SELECT article_id, CASE WHEN global_id IS NULL THEN 'n' || name ELSE 'g' || global_id END AS key, 1 AS articles,
       0 AS quotes
FROM entities WHERE type = 'PERSON' GROUP BY 1, 2
UNION ALL
SELECT article_id, identity_key, 0, count(*) FROM quote_facts WHERE identity_key IS NOT NULL GROUP BY 1, 2
UNION ALL
SELECT article_id, 'p' || name, 1, (SELECT count(*) FROM quotes q WHERE q.article_id = e.article_id)
FROM entities e WHERE type IN ('GPE', 'LOC', 'FAC') GROUP BY 1, 2;
-- A person's articles: person_totals_delta (above) counts the entity into or out of its identity; this
-- counts its article when it is the identity's only entity there, as person_totals.articles.
CREATE TRIGGER IF NOT EXISTS attention_people_ii INSTEAD OF INSERT ON person_totals_delta BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes)
    SELECT CASE WHEN new.global_id IS NULL THEN 'n' || e.name ELSE 'g' || new.global_id END, a.published, new.sign, 0
    FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.id = new.entity_id
      AND NOT EXISTS (SELECT 1 FROM entities o WHERE o.article_id = e.article_id AND o.id <> e.id AND o.type = 'PERSON'
                      AND o.global_id IS new.global_id AND (new.global_id IS NOT NULL OR o.name = e.name));
END;
-- Their quotations: speaker_articles follows them through ingest, merges and deletes.
CREATE TRIGGER IF NOT EXISTS attention_speakers_ai AFTER INSERT ON speaker_articles BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes) VALUES (new.key, new.published, 0, new.quotes);
END;
CREATE TRIGGER IF NOT EXISTS attention_speakers_au AFTER UPDATE OF quotes ON speaker_articles BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes) VALUES (new.key, new.published, 0, new.quotes - old.quotes);
END;
CREATE TRIGGER IF NOT EXISTS attention_speakers_ad AFTER DELETE ON speaker_articles BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes) VALUES (old.key, old.published, 0, -old.quotes);
END;
-- A place: the first entity of its name in an article brings the article and its quotations so far;
-- each quotation stored later adds one to every place its article names (deleting goes the other way).
CREATE TRIGGER IF NOT EXISTS attention_places_ai AFTER INSERT ON entities WHEN new.type IN ('GPE', 'LOC', 'FAC') BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes)
    SELECT 'p' || new.name, a.published, 1, (SELECT count(*) FROM quotes q WHERE q.article_id = new.article_id)
    FROM articles a WHERE a.id = new.article_id AND NOT EXISTS (SELECT 1 FROM entities o WHERE o.article_id = new.article_id
        AND o.id <> new.id AND o.name = new.name AND o.type IN ('GPE', 'LOC', 'FAC'));
END;
CREATE TRIGGER IF NOT EXISTS attention_places_bd BEFORE DELETE ON entities WHEN old.type IN ('GPE', 'LOC', 'FAC') BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes)
    SELECT 'p' || old.name, a.published, -1, -(SELECT count(*) FROM quotes q WHERE q.article_id = old.article_id)
    FROM articles a WHERE a.id = old.article_id AND NOT EXISTS (SELECT 1 FROM entities o WHERE o.article_id = old.article_id
        AND o.id <> old.id AND o.name = old.name AND o.type IN ('GPE', 'LOC', 'FAC'));
END;
CREATE TRIGGER IF NOT EXISTS attention_quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes)
    SELECT DISTINCT 'p' || e.name, a.published, 0, 1 FROM entities e JOIN articles a ON a.id = e.article_id
    WHERE e.article_id = new.article_id AND e.type IN ('GPE', 'LOC', 'FAC');
END;
CREATE TRIGGER IF NOT EXISTS attention_quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes)
    SELECT DISTINCT 'p' || e.name, a.published, 0, -1 FROM entities e JOIN articles a ON a.id = e.article_id
    WHERE e.article_id = old.article_id AND e.type IN ('GPE', 'LOC', 'FAC');
END;
CREATE TRIGGER IF NOT EXISTS attention_articles_published_au AFTER UPDATE OF published ON articles
WHEN old.published IS NOT new.published BEGIN
    INSERT INTO attention_delta(key, published, articles, quotes)
    SELECT key, old.published, -articles, -quotes FROM attention_article_parts WHERE article_id = new.id;
    INSERT INTO attention_delta(key, published, articles, quotes)
    SELECT key, new.published, articles, quotes FROM attention_article_parts WHERE article_id = new.id;
END;

-- Words over time (schema 8; attention.py): per word as the accent-free search indexes hold it (the same
-- tokenizer) and per month of the article's date ('' for none), the articles whose title or text has it
-- (articles_fts) and the quotations whose words have it (quotes_fts, content): a one-word search's chart
-- reads a few rows at any size, counted whole. A text's words are read by putting it in word_fts_scratch
-- (holds nothing between statements) and reading its vocabulary; word_delta adds them to the tally
-- with signs. Kept by the word_tally_* triggers; store/word_tally.sql computes it from scratch.
CREATE TABLE IF NOT EXISTS word_tally (
    word TEXT NOT NULL, month TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (word, month)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS word_fts_scratch USING fts5(
    first, second, content='', detail=none, columnsize=0, tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS word_fts_scratch_terms USING fts5vocab(word_fts_scratch, row);
-- The words of the texts in word_fts_scratch (``doc``: in how many) added to the month of ``published``,
-- times ``articles`` and ``quotes`` (signed); word_fts_scratch emptied.
CREATE VIEW IF NOT EXISTS word_delta AS SELECT NULL AS published, NULL AS articles, NULL AS quotes;
CREATE TRIGGER IF NOT EXISTS word_delta_ii INSTEAD OF INSERT ON word_delta BEGIN
    INSERT INTO word_tally(word, month, articles, quotes)
    SELECT term, coalesce(substr(new.published, 1, 7), ''), new.articles * doc, new.quotes * doc
    FROM word_fts_scratch_terms WHERE 1
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, quotes = quotes + excluded.quotes;
    DELETE FROM word_tally WHERE (new.articles < 0 OR new.quotes < 0) AND month = coalesce(substr(new.published, 1, 7), '')
        AND word IN (SELECT term FROM word_fts_scratch_terms) AND articles = 0 AND quotes = 0;
    INSERT INTO word_fts_scratch(word_fts_scratch) VALUES ('delete-all');
END;
CREATE TRIGGER IF NOT EXISTS word_tally_articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO word_fts_scratch(rowid, first, second) VALUES (1, new.title, new.text);
    INSERT INTO word_delta VALUES (new.published, 1, 0);
END;
CREATE TRIGGER IF NOT EXISTS word_tally_articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO word_fts_scratch(rowid, first, second) VALUES (1, old.title, old.text);
    INSERT INTO word_delta VALUES (old.published, -1, 0);
END;
-- A text or a date corrected: the article's words move; its quotations' too when its month changes.
CREATE TRIGGER IF NOT EXISTS word_tally_articles_au AFTER UPDATE OF title, text, published ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text OR substr(old.published, 1, 7) IS NOT substr(new.published, 1, 7) BEGIN
    INSERT INTO word_fts_scratch(rowid, first, second) VALUES (1, old.title, old.text);
    INSERT INTO word_delta VALUES (old.published, -1, 0);
    INSERT INTO word_fts_scratch(rowid, first, second) VALUES (1, new.title, new.text);
    INSERT INTO word_delta VALUES (new.published, 1, 0);
END;
CREATE TRIGGER IF NOT EXISTS word_tally_articles_moved AFTER UPDATE OF published ON articles
WHEN substr(old.published, 1, 7) IS NOT substr(new.published, 1, 7) BEGIN
    INSERT INTO word_fts_scratch(rowid, first) SELECT id, content FROM quotes WHERE article_id = new.id;
    INSERT INTO word_delta VALUES (old.published, 0, -1);
    INSERT INTO word_fts_scratch(rowid, first) SELECT id, content FROM quotes WHERE article_id = new.id;
    INSERT INTO word_delta VALUES (new.published, 0, 1);
END;
CREATE TRIGGER IF NOT EXISTS word_tally_quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO word_fts_scratch(rowid, first) VALUES (1, new.content);
    INSERT INTO word_delta VALUES ((SELECT published FROM articles WHERE id = new.article_id), 0, 1);
END;
CREATE TRIGGER IF NOT EXISTS word_tally_quotes_ad AFTER DELETE ON quotes BEGIN  -- (an article's first: totals_articles_bd)
    INSERT INTO word_fts_scratch(rowid, first) VALUES (1, old.content);
    INSERT INTO word_delta VALUES ((SELECT published FROM articles WHERE id = old.article_id), 0, -1);
END;
CREATE TRIGGER IF NOT EXISTS word_tally_quotes_au AFTER UPDATE OF content, article_id ON quotes
WHEN old.content IS NOT new.content OR old.article_id IS NOT new.article_id BEGIN
    INSERT INTO word_fts_scratch(rowid, first) VALUES (1, old.content);
    INSERT INTO word_delta VALUES ((SELECT published FROM articles WHERE id = old.article_id), 0, -1);
    INSERT INTO word_fts_scratch(rowid, first) VALUES (1, new.content);
    INSERT INTO word_delta VALUES ((SELECT published FROM articles WHERE id = new.article_id), 0, 1);
END;
