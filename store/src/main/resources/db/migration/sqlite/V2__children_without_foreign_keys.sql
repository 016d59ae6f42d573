-- As in PostgreSQL's V2: the sink keeps children in step with their article itself, in one transaction, so the
-- foreign keys go. SQLite cannot drop a constraint, so both tables are rebuilt without it.
CREATE TABLE ${prefix}article_entities_v2 (
    article_id   TEXT    NOT NULL,
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
INSERT INTO ${prefix}article_entities_v2 SELECT * FROM ${prefix}article_entities;
DROP TABLE ${prefix}article_entities;
ALTER TABLE ${prefix}article_entities_v2 RENAME TO ${prefix}article_entities;
CREATE INDEX ${prefix}article_entities_canonical_id_idx ON ${prefix}article_entities (canonical_id);
CREATE INDEX ${prefix}article_entities_text_idx ON ${prefix}article_entities (lower(text));

CREATE TABLE ${prefix}article_figures_v2 (
    article_id   TEXT    NOT NULL,
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
INSERT INTO ${prefix}article_figures_v2 SELECT * FROM ${prefix}article_figures;
DROP TABLE ${prefix}article_figures;
ALTER TABLE ${prefix}article_figures_v2 RENAME TO ${prefix}article_figures;
CREATE INDEX ${prefix}article_figures_kind_unit_value_idx ON ${prefix}article_figures (kind, unit_key, value);
CREATE INDEX ${prefix}article_figures_unit_value_idx ON ${prefix}article_figures (unit_key, value);
