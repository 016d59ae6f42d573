package io.newsflow.store.query;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What {@code news-pipeline query} asks for; every filter that is set must hold (AND). The figure filters
 * ({@code unit}, {@code kind}, {@code minValue}, {@code maxValue}) must all hold for the same figure.
 *
 * @param entity a canonical id ({@code country:FR}) or an entity's surface text, matched without case
 * @param unit a counted noun or unit, folded as the stored units are ({@link io.newsflow.store.Units})
 * @param kind a figure kind: COUNT, MONEY, PERCENT, ...
 * @param minValue figures whose value (or a range's upper bound) is at least this
 * @param maxValue figures whose value (or a range's lower bound) is at most this
 * @param lang ar, en, ...
 * @param since articles published on or after this day (UTC)
 * @param until articles published on or before this day (UTC)
 * @param text words that must all occur in the headline or body, stemmed by the article's language where the
 *     database knows it
 * @param limit most articles returned, newest first
 * @param offset how many of the newest matches to skip, for paging
 */
public record ArticleFilter(String entity, String unit, String kind, Double minValue, Double maxValue, String lang,
        LocalDate since, LocalDate until, String text, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;

    public ArticleFilter {
        entity = blankToNull(entity);
        unit = blankToNull(unit);
        kind = blankToNull(kind) == null ? null : kind.strip().toUpperCase(Locale.ROOT);
        lang = blankToNull(lang) == null ? null : lang.strip().toLowerCase(Locale.ROOT);
        text = blankToNull(text);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (minValue != null && maxValue != null && minValue > maxValue) {
            throw new IllegalArgumentException("min value " + minValue + " is above max value " + maxValue);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean filtersEntities() {
        return entity != null;
    }

    boolean filtersFigures() {
        return unit != null || kind != null || minValue != null || maxValue != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** For callers that set filters one flag at a time. */
    public static final class Builder {
        private String entity;
        private String unit;
        private String kind;
        private Double minValue;
        private Double maxValue;
        private String lang;
        private LocalDate since;
        private LocalDate until;
        private String text;
        private int limit = DEFAULT_LIMIT;
        private int offset;

        private Builder() {
        }

        public Builder entity(String entity) {
            this.entity = entity;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder minValue(Double minValue) {
            this.minValue = minValue;
            return this;
        }

        public Builder maxValue(Double maxValue) {
            this.maxValue = maxValue;
            return this;
        }

        public Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        public Builder since(LocalDate since) {
            this.since = since;
            return this;
        }

        public Builder until(LocalDate until) {
            this.until = until;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        public ArticleFilter build() {
            return new ArticleFilter(entity, unit, kind, minValue, maxValue, lang, since, until, text, limit, offset);
        }
    }
}
