"""Language analysis: one spaCy pipeline plus newsgraph's components (people, quotes, time)."""
