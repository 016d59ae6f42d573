package io.newsflow.extraction.entities;

import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.text.Tokens;
import java.util.Set;

/**
 * Finds Arabic organization names built on a head noun, which ANERcorp rarely shows the tagger: a head in the
 * construct state followed by its definite complement ({@code وزارة الداخلية}, {@code جمعية الإمارات لحقوق
 * الإنسان}, {@code مؤسسة مطارات دبي}), or a definite head with a relational adjective ({@code الشرطة الاتحادية
 * الأسترالية}, {@code اللجنة الوطنية}). A definite head with an ordinary adjective ({@code الشركة الجديدة}) is
 * left alone: that is a description, not a name.
 */
final class ArabicOrganizations {

    private static final int MAX_TOKENS = 7;
    /** Indefinite nouns allowed in a row inside the name's genitive chain before a definite word must come. */
    private static final int MAX_INDEFINITE_RUN = 2;

    private static final Set<String> RANKS = Set.of("العامة", "العام", "العليا", "الأعلى", "الكبرى", "المركزي");

    private final Gazetteer gazetteer;

    ArabicOrganizations(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** One past the last token of the organization name headed at token {@code i}, or -1 when there is none. */
    int nameEnd(Tokens tokens, int i, int limit) {
        int article = articleAfterConjunction(tokens, i);
        boolean head = (gazetteer.roles(tokens, i, true) & Gazetteer.ORGANIZATION_HEAD) != 0
                || article >= 0 && (gazetteer.roles(tokens.text(), article + 2, tokens.end(i))
                & Gazetteer.ORGANIZATION_HEAD) != 0;
        if (!head) {
            return -1;
        }
        boolean definiteHead = article >= 0 || isDefinite(tokens, i);
        int end = -1;
        int indefiniteRun = 0;
        for (int j = i + 1; j < limit && j - i < MAX_TOKENS; j++) {
            if ((gazetteer.roles(tokens, j, true) & Gazetteer.NAME_STOP) != 0) {
                break;
            }
            Gazetteer.Match place = gazetteer.match(tokens, j, limit, true);
            if (place != null && place.entry().type() != EntityType.PERSON && place.clitics() == 0) {
                j = place.last() - 1;
                end = j + 1;
                indefiniteRun = 0;
            } else if (isDefinite(tokens, j)) {
                if (definiteHead && j == i + 1 && !isRelational(tokens, j)) {
                    return -1;
                }
                end = j + 1;
                indefiniteRun = 0;
            } else if (isWord(tokens, j) && indefiniteRun < MAX_INDEFINITE_RUN
                    && (end < 0 && !definiteHead || end >= 0 && (tokens.firstChar(j) == 'ل' || indefiniteRun > 0))) {
                // a genitive chain (مطارات دبي, لحقوق الإنسان, لمكافحة جرائم الاتجار) counts only if a definite
                // word completes it
                indefiniteRun++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isWord(Tokens tokens, int i) {
        char c = tokens.firstChar(i);
        return c >= '\u0621' && c <= '\u064A' && tokens.length(i) > 2;
    }

    /**
     * Where the article starts in token {@code i} when the token is definite after an optional conjunction
     * ({@code الشرطة}, {@code واللجنة}; {@code للجنة} restores its lost alef only in the gazetteer), else -1.
     */
    private static int articleAfterConjunction(Tokens tokens, int i) {
        String text = tokens.text();
        int s = tokens.start(i);
        if (tokens.length(i) > 4 && (text.charAt(s) == 'و' || text.charAt(s) == 'ف') && text.startsWith("ال", s + 1)) {
            return s + 1;
        }
        return tokens.length(i) > 3 && text.startsWith("ال", s) ? s : -1;
    }

    /** Starts with the article, or with ل fused to the article (لل). */
    private static boolean isDefinite(Tokens tokens, int i) {
        String text = tokens.text();
        int s = tokens.start(i);
        return tokens.length(i) > 3 && (text.startsWith("ال", s) || text.startsWith("لل", s));
    }

    /**
     * A nisba adjective such as الوطنية or الأسترالي, or one of the few rank adjectives of official names
     * (القيادة العامة): these are what make a definite head a name.
     */
    private static boolean isRelational(Tokens tokens, int i) {
        String text = tokens.text();
        int e = tokens.end(i);
        return text.startsWith("ية", e - 2) || text.charAt(e - 1) == 'ي'
                || RANKS.contains(text.substring(tokens.start(i), e));
    }

}
