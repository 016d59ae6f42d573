package io.newsflow.store;

/** The names of the store's tables, under an optional prefix that lets pipelines share one database. */
public record Tables(String prefix) {

    public Tables {
        if (!prefix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("table prefix must be letters, digits and underscores: " + prefix);
        }
    }

    public String articles() {
        return prefix + "articles";
    }

    public String entities() {
        return prefix + "article_entities";
    }

    public String figures() {
        return prefix + "article_figures";
    }

    /** SQLite only: the FTS5 index over headline and body. */
    public String fullText() {
        return prefix + "articles_fts";
    }
}
