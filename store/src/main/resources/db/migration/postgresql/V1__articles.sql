-- One row per article, keyed by the pipeline's stable article id. `version` orders the revisions of a story:
-- the sink only ever replaces a row with a strictly newer version.
CREATE TABLE ${prefix}articles (
    id               text        PRIMARY KEY,
    version          bigint      NOT NULL,
    content_hash     text        NOT NULL,
    language         text        NOT NULL,
    headline         text        NOT NULL,
    body             text        NOT NULL,
    byline           text,
    dateline         text,
    source           text        NOT NULL,
    source_uri       text,
    guid             text,
    published_at     timestamptz,
    received_at      timestamptz NOT NULL,
    enriched_at      timestamptz NOT NULL,
    enricher_version text        NOT NULL,
    metadata         jsonb       NOT NULL,
    record           jsonb       NOT NULL
);

CREATE INDEX ${prefix}articles_language_idx ON ${prefix}articles (language);
CREATE INDEX ${prefix}articles_published_at_idx ON ${prefix}articles (published_at);

-- Full text, one index per language so that each is stemmed by its own configuration. Queries repeat these
-- expressions verbatim, or the planner cannot use the indexes.
CREATE INDEX ${prefix}articles_fts_en_idx ON ${prefix}articles
    USING gin (to_tsvector('english', headline || ' ' || body)) WHERE language = 'en';
CREATE INDEX ${prefix}articles_fts_ar_idx ON ${prefix}articles
    USING gin (to_tsvector('arabic', headline || ' ' || body)) WHERE language = 'ar';
CREATE INDEX ${prefix}articles_fts_other_idx ON ${prefix}articles
    USING gin (to_tsvector('simple', headline || ' ' || body)) WHERE language NOT IN ('en', 'ar');

CREATE TABLE ${prefix}article_entities (
    article_id   text             NOT NULL REFERENCES ${prefix}articles (id) ON DELETE CASCADE,
    ordinal      integer          NOT NULL,
    type         text             NOT NULL,
    text         text             NOT NULL,
    canonical_id text,
    start_offset integer          NOT NULL,
    end_offset   integer          NOT NULL,
    confidence   double precision NOT NULL,
    PRIMARY KEY (article_id, ordinal),
    CONSTRAINT ${prefix}article_entities_offsets_check CHECK (start_offset >= 0 AND end_offset >= start_offset),
    CONSTRAINT ${prefix}article_entities_confidence_check CHECK (confidence BETWEEN 0 AND 1)
);

CREATE INDEX ${prefix}article_entities_canonical_id_idx ON ${prefix}article_entities (canonical_id);
CREATE INDEX ${prefix}article_entities_text_idx ON ${prefix}article_entities (lower(text));

CREATE TABLE ${prefix}article_figures (
    article_id   text             NOT NULL REFERENCES ${prefix}articles (id) ON DELETE CASCADE,
    ordinal      integer          NOT NULL,
    kind         text             NOT NULL,
    value        double precision,
    min_value    double precision,
    max_value    double precision,
    iso_value    text,
    unit         text,
    -- `unit` folded the way ArticleQuery folds a --unit argument (Units.key), so lookups are exact matches.
    unit_key     text,
    currency     text,
    text         text             NOT NULL,
    start_offset integer          NOT NULL,
    end_offset   integer          NOT NULL,
    PRIMARY KEY (article_id, ordinal),
    CONSTRAINT ${prefix}article_figures_offsets_check CHECK (start_offset >= 0 AND end_offset >= start_offset)
);

CREATE INDEX ${prefix}article_figures_kind_unit_value_idx ON ${prefix}article_figures (kind, unit_key, value);
CREATE INDEX ${prefix}article_figures_unit_value_idx ON ${prefix}article_figures (unit_key, value);
