-- Schema 3 -> 4: a person has a gender when the text says it; a quotation's speaker has a type (PERSON, ORG, GROUP, UNNAMED) and, for
-- unnamed sources and groups, the organisation they speak for. Older rows: a named speaker
-- linked to a person entity is a PERSON; the rest stay unknown (re-ingest to fill them).
-- A quotation has an act (speech, thought, other) and the quotation it is reported inside
-- (parent_id). Older rows: words in quotation marks are speech; an indirect item's act is
-- unknown (NULL) until re-ingested, so lists of speech leave it out.
ALTER TABLE quotes ADD COLUMN speaker_type TEXT;
ALTER TABLE quotes ADD COLUMN affiliation TEXT;
ALTER TABLE entities ADD COLUMN gender TEXT;
ALTER TABLE quotes ADD COLUMN act TEXT;
ALTER TABLE quotes ADD COLUMN parent_id INTEGER;
UPDATE quotes SET act = 'speech' WHERE kind IN ('direct', 'mixed');
UPDATE quotes SET speaker_type = 'PERSON' WHERE speaker IS NOT NULL AND speaker_entity_id IS NOT NULL;
