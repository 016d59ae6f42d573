-- The same model as PostgreSQL's (see db/migration/postgresql), in SQLite's types: timestamps are fixed-width
-- ISO-8601 UTC text, so text order is time order; JSON is text. `seq` gives every row a rowid that VACUUM cannot
-- renumber, which the external-content FTS5 index below relies on.
CREATE TABLE ${prefix}articles (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    version          INTEGER NOT NULL,
    content_hash     TEXT    NOT NULL,
    language         TEXT    NOT NULL,
    headline         TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    byline           TEXT,
    dateline         TEXT,
    source           TEXT    NOT NULL,
    source_uri       TEXT,
    guid             TEXT,
    published_at     TEXT,
    received_at      TEXT    NOT NULL,
    enriched_at      TEXT    NOT NULL,
    enricher_version TEXT    NOT NULL,
    metadata         TEXT    NOT NULL,
    record           TEXT    NOT NULL
);

CREATE INDEX ${prefix}articles_language_idx ON ${prefix}articles (language);
CREATE INDEX ${prefix}articles_published_at_idx ON ${prefix}articles (published_at);

CREATE VIRTUAL TABLE ${prefix}articles_fts USING fts5(
    headline, body, content = '${prefix}articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER ${prefix}articles_fts_insert AFTER INSERT ON ${prefix}articles BEGIN
    INSERT INTO ${prefix}articles_fts (rowid, headline, body) VALUES (new.seq, new.headline, new.body);
END;

CREATE TRIGGER ${prefix}articles_fts_delete AFTER DELETE ON ${prefix}articles BEGIN
    INSERT INTO ${prefix}articles_fts (${prefix}articles_fts, rowid, headline, body)
        VALUES ('delete', old.seq, old.headline, old.body);
END;

CREATE TRIGGER ${prefix}articles_fts_update AFTER UPDATE ON ${prefix}articles BEGIN
    INSERT INTO ${prefix}articles_fts (${prefix}articles_fts, rowid, headline, body)
        VALUES ('delete', old.seq, old.headline, old.body);
    INSERT INTO ${prefix}articles_fts (rowid, headline, body) VALUES (new.seq, new.headline, new.body);
END;

CREATE TABLE ${prefix}article_entities (
    article_id   TEXT    NOT NULL REFERENCES ${prefix}articles (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    canonical_id TEXT,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    confidence   REAL    NOT NULL,
    PRIMARY KEY (article_id, ordinal),
    CHECK (start_offset >= 0 AND end_offset >= start_offset),
    CHECK (confidence BETWEEN 0 AND 1)
);

CREATE INDEX ${prefix}article_entities_canonical_id_idx ON ${prefix}article_entities (canonical_id);
CREATE INDEX ${prefix}article_entities_text_idx ON ${prefix}article_entities (lower(text));

CREATE TABLE ${prefix}article_figures (
    article_id   TEXT    NOT NULL REFERENCES ${prefix}articles (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    value        REAL,
    min_value    REAL,
    max_value    REAL,
    iso_value    TEXT,
    unit         TEXT,
    unit_key     TEXT,
    currency     TEXT,
    text         TEXT    NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    PRIMARY KEY (article_id, ordinal),
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
);

CREATE INDEX ${prefix}article_figures_kind_unit_value_idx ON ${prefix}article_figures (kind, unit_key, value);
CREATE INDEX ${prefix}article_figures_unit_value_idx ON ${prefix}article_figures (unit_key, value);
