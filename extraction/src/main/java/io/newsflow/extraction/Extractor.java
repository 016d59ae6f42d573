package io.newsflow.extraction;

import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.figures.FigureExtractor;
import java.time.LocalDate;
import java.util.List;

/**
 * The extraction library's one entry point. Load it once (models and lexicons are read at construction) and
 * share it between threads: {@link #extract} is thread-safe.
 */
public final class Extractor {

    public static final String VERSION = "0.1.0";

    private final FigureExtractor figures;
    private final EntityRecognizer entities;

    public static Extractor load() {
        return new Extractor(FigureExtractor.create(), EntityRecognizer.load());
    }

    private Extractor(FigureExtractor figures, EntityRecognizer entities) {
        this.figures = figures;
        this.entities = entities;
    }

    /**
     * @param text          the story text (headline and body)
     * @param languageHint  "ar" or "en" when the source knows it, else null to detect
     * @param publishedDate the article's publication date, used to resolve relative dates; may be null
     */
    public Extraction extract(String text, String languageHint, LocalDate publishedDate) {
        return extract(text, languageHint, publishedDate, Deadline.NONE);
    }

    /**
     * As {@link #extract(String, String, LocalDate)}, giving up once {@code deadline} has passed: it is checked
     * between the stages and before each sentence the entity tagger decodes.
     *
     * @throws ExtractionTimeoutException when it gave up
     */
    public Extraction extract(String text, String languageHint, LocalDate publishedDate, Deadline deadline) {
        String language = languageHint != null ? languageHint : LanguageDetector.detect(text);
        deadline.check();
        List<EntityMention> mentions = entities.recognize(text, language, deadline);
        deadline.check();
        List<FigureMention> figureMentions = figures.extract(text, language, publishedDate);
        deadline.check();
        return new Extraction(language, mentions, figureMentions);
    }
}
