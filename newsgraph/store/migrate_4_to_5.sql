-- Schema 4 -> 5: totals kept current by triggers (lists and counts that stay flat as a store
-- grows). schema.sql creates the tables, the view and the triggers after this step; then
-- totals_rebuild.sql fills the tables from what the store holds (store/db.py migrate).
SELECT 1;
