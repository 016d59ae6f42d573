package io.newsflow.extraction.figures;

/**
 * What the rest of a story shows about an Arabic noun the lexicon does not list: the singular of a broken plural
 * that the story writes (عوامل ... العامل), or that a word with و or ف glued to its front is a noun the story names
 * with its article (80 فارسا ... الفارس). These read the whole story, so they run only where the lexicon has no
 * answer.
 */
final class StoryNouns {

    private StoryNouns() {
    }

    /**
     * The singular of a broken plural the lexicon does not list, when the story writes it: the longest word of the
     * story (without its article) that the plural holds in order, the plural adding only one or two long vowels
     * (عوامل from العامل, مصانع from مصنع, قواعد from قاعدة). Null when the story has none.
     */
    static String singularOf(Doc d, String plural) {
        String best = null;
        char last = plural.charAt(plural.length() - 1);
        for (int k = 0; k < d.size(); k++) {
            Token t = d.at(k);
            if (t.type != TokenType.ARABIC || t.end - t.start < 3 || t.end - t.start > plural.length() + 3
                    || d.text.charAt(t.end - 1) != last && d.text.charAt(t.end - 2) != last) {
                continue;  // the last root letter ends both, but for the singular's ة
            }
            String form = Normalizer.clean(d.text, t.start, t.end);
            String definite = Nouns.stripArticle(form);
            String stem = definite != null ? definite : form;
            if ((best == null || stem.length() > best.length()) && brokenPluralOf(plural, stem)) {
                best = stem;
            }
        }
        return best;
    }

    /**
     * The story writes the noun stem with its article, alone or with a plural or feminine ending (الفارس, الوافدين,
     * الفائزون): it is a noun, not a verb or an adverb with و or ف glued on.
     */
    static boolean namedDefinite(Doc d, String stem) {
        for (int k = 0; k < d.size(); k++) {
            Token t = d.at(k);
            int n = t.end - t.start;
            if (t.type == TokenType.ARABIC && n >= stem.length() + 2 && n <= stem.length() + 6
                    && d.text.charAt(t.start) == 'ا' && d.text.charAt(t.start + 1) == 'ل') {
                String s = Normalizer.clean(d.text, t.start + 2, t.end);
                if (s.startsWith(stem) && s.length() - stem.length() <= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The plural is the singular (less a final ة) with one or two of ا و ي put in. */
    private static boolean brokenPluralOf(String plural, String singular) {
        String s = singular.endsWith("ة") ? singular.substring(0, singular.length() - 1) : singular;
        int extra = plural.length() - s.length();
        if (s.length() < 3 || extra < 1 || extra > 2) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < plural.length(); i++) {
            char c = plural.charAt(i);
            if (j < s.length() && c == s.charAt(j)) {
                j++;
            } else if ("اوي".indexOf(c) < 0) {
                return false;
            }
        }
        return j == s.length();
    }
}
