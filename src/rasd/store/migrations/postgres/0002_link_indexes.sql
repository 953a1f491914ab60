-- Version 2: indexes for finding an event's candidate incidents by place name or gazetteer id,
-- and a trigram index for text search over articles.folded when pg_trgm can be enabled
-- (it is a trusted extension from PostgreSQL 13; without it search scans the table).
CREATE INDEX events_type_place ON events(event_type, place_key);
CREATE INDEX events_gazetteer ON events(gazetteer_id);
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX articles_folded_trgm ON articles USING gin (folded gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm unavailable (%): text search will scan articles', SQLERRM;
END
$$;
