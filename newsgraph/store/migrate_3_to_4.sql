-- Schema 3 -> 4: a person has a gender when the text says it; a quotation's speaker has a type (PERSON, ORG, GROUP, UNNAMED) and, for
-- unnamed sources and groups, the organisation they speak for. Older rows: a named speaker
-- linked to a person entity is a PERSON; the rest stay unknown (re-ingest to fill them).
ALTER TABLE quotes ADD COLUMN speaker_type TEXT;
ALTER TABLE quotes ADD COLUMN affiliation TEXT;
ALTER TABLE entities ADD COLUMN gender TEXT;
UPDATE quotes SET speaker_type = 'PERSON' WHERE speaker IS NOT NULL AND speaker_entity_id IS NOT NULL;
