-- Schema 2 -> 3: events keep their kind and the span of the time expression that dates them
-- (both were dropped on the way into the store). Runs inside the migration's transaction;
-- the columns are last, as in schema.sql.
ALTER TABLE events ADD COLUMN time_start INTEGER;
ALTER TABLE events ADD COLUMN time_end INTEGER;
ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'event';

-- A quotation's event spans exactly the quote with its cue and speaker (analyse/events.py).
UPDATE events SET kind = 'quote' WHERE EXISTS (
    SELECT 1 FROM quotes q WHERE q.article_id = events.article_id
    AND min(q.start, coalesce(q.cue_start, q.start), coalesce(q.speaker_start, q.start)) = events.start
    AND max(q."end", coalesce(q.cue_end, q."end"), coalesce(q.speaker_end, q."end")) = events."end");

-- The dating expression of older rows: the first one inside the event with the event's date.
UPDATE events SET
    time_start = (SELECT t.start FROM times t WHERE t.article_id = events.article_id AND t.value = events.date
                  AND t.start >= events.start AND t."end" <= events."end" ORDER BY t.start LIMIT 1),
    time_end = (SELECT t."end" FROM times t WHERE t.article_id = events.article_id AND t.value = events.date
                AND t.start >= events.start AND t."end" <= events."end" ORDER BY t.start LIMIT 1)
WHERE kind = 'event';
