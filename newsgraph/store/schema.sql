-- newsgraph store, schema version 4 (store/db.py SCHEMA_VERSION). Offsets are Python str indices into articles.text.
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
CREATE TABLE IF NOT EXISTS quote_group_members (
    quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES quote_groups(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS quote_group_members_group ON quote_group_members(group_id);
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
