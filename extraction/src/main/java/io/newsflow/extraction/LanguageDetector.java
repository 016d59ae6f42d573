package io.newsflow.extraction;

import java.util.Set;

/**
 * Tells Arabic from English from anything else by the scripts and function words of the text. The first few
 * thousand characters decide: a story does not change language half way, and detection must stay negligible
 * next to extraction.
 */
final class LanguageDetector {

    private static final int SAMPLE = 4000;

    /**
     * Letters only Persian and Urdu use (پ چ ژ گ ہ ھ ے): Arabic-script text with many of them is not Arabic. Persian
     * ک and ی are left out because Arabic typed on Persian keyboards is full of them.
     */
    private static final String PERSIAN_LETTERS = "\u067E\u0686\u0698\u06AF\u06C1\u06BE\u06D2";

    /** Frequent English function words; Latin-script text with few of them is another language. */
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "a", "is", "for", "on", "that",
            "said", "with", "it", "was", "by", "at", "from", "its", "be", "as", "has", "have", "will", "an", "are",
            "were", "this", "which", "he", "not", "or", "but", "would", "their", "after", "year", "pct", "mln");

    private LanguageDetector() {
    }

    static String detect(String text) {
        int arabic = 0;
        int persian = 0;
        int latin = 0;
        int latinWords = 0;
        int englishWords = 0;
        int n = Math.min(text.length(), SAMPLE);
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (c >= '\u0600' && c <= '\u06FF') {
                arabic++;
                if (PERSIAN_LETTERS.indexOf(c) >= 0) {
                    persian++;
                }
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter) {
                latin++;
                if (word.length() < 16) {
                    word.append((char) (c | 0x20));
                }
            } else if (word.length() > 0) {
                latinWords++;
                if (ENGLISH.contains(word.toString())) {
                    englishWords++;
                }
                word.setLength(0);
            }
        }
        if (arabic == 0 && latin == 0) {
            return "other";
        }
        if (arabic >= latin) {
            return persian * 50 > arabic ? "other" : "ar";
        }
        return englishWords * 10 >= latinWords ? "en" : "other";
    }
}
