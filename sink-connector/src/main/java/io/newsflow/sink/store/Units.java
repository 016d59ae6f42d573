package io.newsflow.sink.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a figure's unit or counted noun to the key that {@code --unit} lookups match on, so that "Soldiers",
 * "soldiers", "المتهمين" and "متهمين" each find what the extraction library stored. A deliberately light folding
 * (lower case, Arabic diacritics, letter variants, the definite article and the accusative tanween ending), applied
 * to both the stored unit and the query, so the two always agree.
 */
public final class Units {

    /** The accusative ending written as tanween fath with its seat alef, in either order: "متهماً" → "متهم". */
    private static final Pattern TANWEEN_FATH_ENDING = Pattern.compile("(?:\u0627\u064B|\u064B\u0627)$");
    /** Harakat, tanween, shadda, sukun, the dagger alef and tatweel. */
    private static final Pattern DIACRITICS = Pattern.compile("[\u064B-\u0652\u0670\u0640]");
    private static final Pattern ALEF_VARIANTS = Pattern.compile("[\u0622\u0623\u0625\u0671]");
    /** "ال" alone or after one of the clitics و ف ب ك. */
    private static final Pattern DEFINITE_ARTICLE = Pattern.compile("^[\u0648\u0641\u0628\u0643]?\u0627\u0644(?=\\p{L}{2})");

    private Units() {
    }

    /** @return the folded key, or null for a null or blank unit */
    public static String key(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String[] words = Normalizer.normalize(unit, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().split("\\s+");
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(foldWord(word));
        }
        return key.toString();
    }

    private static String foldWord(String word) {
        String folded = TANWEEN_FATH_ENDING.matcher(word).replaceFirst("");
        folded = DIACRITICS.matcher(folded).replaceAll("");
        folded = ALEF_VARIANTS.matcher(folded).replaceAll("\u0627");
        folded = folded.replace('\u0649', '\u064A').replace('\u0629', '\u0647');
        return DEFINITE_ARTICLE.matcher(folded).replaceFirst("");
    }
}
