-- Schema 1 -> 2: failures count the runs an input failed in and keep when it first failed,
-- so `newsgraph errors` tells a persistent problem from a one-off. SQLite's way to change a
-- table: build the new one, copy every row, swap (runs inside the migration's transaction).
CREATE TABLE failures_v2 (
    source TEXT PRIMARY KEY,
    problem TEXT NOT NULL,
    hint TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    first_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    attempts INTEGER NOT NULL DEFAULT 1
);
INSERT INTO failures_v2(source, problem, hint, at, first_at, attempts)
    SELECT source, problem, hint, at, at, 1 FROM failures;
DROP TABLE failures;
ALTER TABLE failures_v2 RENAME TO failures;
