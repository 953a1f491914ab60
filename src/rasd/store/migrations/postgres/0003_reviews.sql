-- Version 3 (issue 7): reviewers, their reviews and comments, page views, settings.
-- Reviews are keyed by event id, with no foreign key: an article re-ingested drops and
-- re-creates its events under the same ids, and the store applies the reviews again.
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,     -- argon2id, from argon2-cffi
    created_at TEXT NOT NULL
);
CREATE TABLE reviews (
    id BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL,
    user_name TEXT NOT NULL REFERENCES users(name),
    at TEXT NOT NULL,
    action TEXT NOT NULL,            -- confirm, reject, correct
    field TEXT,                      -- for correct: a field path such as fatalities or actor1.name
    old_value TEXT,                  -- JSON
    new_value TEXT                   -- JSON
);
CREATE INDEX reviews_event ON reviews(event_id);
CREATE TABLE comments (
    id BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL,
    user_name TEXT NOT NULL REFERENCES users(name),
    at TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX comments_event ON comments(event_id);
CREATE TABLE views (
    entity TEXT NOT NULL,            -- article, incident
    entity_id TEXT NOT NULL,
    day TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (entity, entity_id, day)
);
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
ALTER TABLE events ADD COLUMN review_status TEXT;
CREATE INDEX articles_article_id ON articles(article_id);
