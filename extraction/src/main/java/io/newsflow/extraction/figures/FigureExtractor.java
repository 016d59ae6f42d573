package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureMention;
import java.time.LocalDate;
import java.util.List;

/** Finds every figure in a story: numbers with what they count, money, percentages, quantities, dates. */
public final class FigureExtractor {

    private final Lexicon lexicon;
    private final Tokenizer tokenizer;

    public static FigureExtractor create() {
        return new FigureExtractor(Lexicon.load());
    }

    private FigureExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.tokenizer = new Tokenizer(lexicon);
    }

    /**
     * @param language      "ar" or "en" for the full grammar; anything else gets only the language-independent
     *                      figures (digits with %, currency symbols or ISO codes, numeric dates)
     * @param publishedDate resolves relative dates and years left out; may be null
     */
    public List<FigureMention> extract(String text, String language, LocalDate publishedDate) {
        boolean known = "ar".equals(language) || "en".equals(language);
        Doc doc = new Doc(text, tokenizer.tokenize(text, known), known ? language : "other", lexicon, publishedDate);
        return new FigureResolver(doc).resolve();
    }
}
