package io.newsflow.store;

import io.newsflow.extraction.Folding;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds a figure's unit or counted noun to the key that {@code --unit} lookups match on, so that "Soldiers",
 * "soldier", "المتهمين", "متهمون" and "متهماً" each find what the extraction library stored (which it normalises to a
 * singular: "soldier", "متهم"). The extraction library's {@link Folding} (case, Arabic letter variants and marks),
 * then a deliberately light stemming (the definite article, the accusative tanween ending, the regular plural
 * endings; English regular plurals), applied to both the stored unit and the query, so the two always agree even
 * where a rule is too crude for a word.
 */
public final class Units {

    /** The accusative ending written as tanween fath with its seat alef, in either order: "متهماً" → "متهم". */
    private static final Pattern TANWEEN_FATH_ENDING = Pattern.compile("(?:\u0627\u064B|\u064B\u0627)$");
    /** "ال" alone or after one of the clitics و ف ب ك. */
    private static final Pattern DEFINITE_ARTICLE = Pattern.compile("^[\u0648\u0641\u0628\u0643]?\u0627\u0644(?=\\p{L}{2})");
    private static final Map<String, String> IRREGULAR = Map.of("people", "person", "children", "child", "men", "man",
            "women", "woman", "feet", "foot");

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
        String folded = Folding.fold(TANWEEN_FATH_ENDING.matcher(word).replaceFirst(""));
        folded = DEFINITE_ARTICLE.matcher(folded).replaceFirst("");
        return singular(folded);
    }

    /**
     * The regular plural endings of a folded word: sound masculine (ون, ين) and feminine (ات → ة, folded to ه) in
     * Arabic; -s, -es, -ies in English.
     */
    private static String singular(String word) {
        int n = word.length();
        if (n >= 5 && (word.endsWith("\u0648\u0646") || word.endsWith("\u064A\u0646"))) {
            return word.substring(0, n - 2);
        }
        if (n >= 5 && word.endsWith("\u0627\u062A")) {
            return word.substring(0, n - 2) + "\u0647";
        }
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (n > 4 && word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 4 && (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes"))) {
            return word.substring(0, n - 2);
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, n - 1);
        }
        return word;
    }
}
