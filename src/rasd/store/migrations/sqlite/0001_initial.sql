-- Rasd store, version 1 (SQLite): articles, events, incidents, sources and the audit trail.
-- Dates are ISO strings (YYYY-MM-DD), times ISO UTC strings: both sort as text.
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE articles (
    key TEXT PRIMARY KEY,            -- the URL, or sha256:<hash of the text> when there is none
    article_id TEXT NOT NULL,        -- the id the input gave
    url TEXT,
    outlet TEXT REFERENCES sources(name),
    published TEXT,
    title TEXT,
    language TEXT,
    input_hash TEXT NOT NULL,        -- what was read: a changed input is re-extracted
    text TEXT NOT NULL,
    folded TEXT NOT NULL,            -- rasd.text.normalize.fold_word of title + text, for search
    record TEXT NOT NULL,            -- Article.to_dict() as JSON
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX articles_updated ON articles(updated_at);
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    event_date TEXT,
    record TEXT NOT NULL,            -- reconciled fields, sources and link reasons as JSON
    updated_at TEXT NOT NULL
);
CREATE INDEX incidents_updated ON incidents(updated_at);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_key TEXT NOT NULL REFERENCES articles(key),
    seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_date TEXT,
    actor1 TEXT,
    actor2 TEXT,
    country TEXT,
    admin1 TEXT,
    place_key TEXT,                  -- folded Arabic place name, for same-place matching
    gazetteer_id TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    weekday INTEGER,                 -- ISO weekday the report names, for reports without a date
    fatalities INTEGER NOT NULL,
    record TEXT NOT NULL,            -- Event.to_dict() as JSON
    incident_id TEXT REFERENCES incidents(id) DEFERRABLE INITIALLY DEFERRED,
    link_reason TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_key);
CREATE INDEX events_type_date ON events(event_type, event_date);
CREATE INDEX events_incident ON events(incident_id);
CREATE INDEX events_updated ON events(updated_at);
CREATE TABLE changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    entity TEXT NOT NULL,            -- article, event, incident
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,            -- created, updated, deleted
    detail TEXT
);
CREATE INDEX changes_at ON changes(at);
-- Substring search over folded text: trigrams find «ادلب» inside «وبادلب».
CREATE VIRTUAL TABLE articles_fts USING fts5(key UNINDEXED, folded, tokenize = 'trigram');
