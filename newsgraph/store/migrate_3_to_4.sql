-- Schema 3 -> 4: the document name shown to people is unique in a store (issue 16). Stores built
-- before named articles by file base name, so two inputs "001.txt" from different folders shared
-- one. Runs inside the migration's transaction; schema.sql then adds the unique index.

-- A shared name becomes the input's path (or URL) as it was given, where that is itself unique ...
UPDATE articles SET document = source
WHERE source IS NOT NULL AND source <> document
  AND document IN (SELECT document FROM articles GROUP BY document HAVING count(*) > 1)
  AND source NOT IN (SELECT document FROM articles)
  AND source IN (SELECT source FROM articles GROUP BY source HAVING count(*) = 1);

-- ... and any name still shared (no usable source) gets its store id, the earliest keeping it bare.
UPDATE articles SET document = document || ' (' || id || ')'
WHERE id NOT IN (SELECT min(id) FROM articles GROUP BY document);
