package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic nouns that count by themselves, with no number word: a dual is two of its noun or unit (يومين, دولتين,
 * التجربتين), and a unit in the singular with a fraction after it says one and a part (سنة ونصف).
 */
final class ArabicDuals {

    private ArabicDuals() {
    }

    /**
     * The listed noun at i counting by itself: a dual (يومين, دولتين, شهرين, دولارين), with a fraction after it a dual
     * or a unit in the singular (ساعتين ونصف = 2.5 hours, سنة ونصف = 1.5 years); null otherwise.
     */
    static Candidate byItself(Doc d, int i) {
        Token t = d.at(i);
        Word w = t.entry;
        if (!d.arabic || w == null || w.dual && (d.lexicon.in(WordList.DUAL_NAMES, d.stemKey(i))
                || d.at(i - 1).type == TokenType.ARABIC && d.lexicon.in(WordList.NAME_BEFORE, d.stemKey(i - 1)))) {
            return null;  // لطالبان is the movement; ابن حيان is a man, not two quarters
        }
        if (w.dual && t.definite && !t.preposition && !t.conjunction && agreesWithDefinite(d, i - 1)) {
            return null;  // البلدتين الواقعتين, المديرين العامين: an adjective agreeing with the noun before it
        }
        if (w.dual && !w.construct && !t.definite && !t.preposition && !t.conjunction && indefiniteDual(d, i - 1)) {
            return null;  // طفلان شقيقان, دولتان مهمتان, قسمين رئيسين: the second describes the two the first counts
        }
        Token f = d.at(i + 1);
        boolean listedGenitive = f.entry != null && f.entry.singular != null && !f.entry.dual && f.stemOffset == 0
                && !f.definite;  // حالتي وفاة: an indefinite genitive, a noun the lexicon lists
        if (w.construct && (f.type != TokenType.ARABIC || f.has(Role.STOP) || f.isNumberWord() || f.paragraphBefore
                || !Nouns.arabicDefinite(d, i + 1) && !listedGenitive || t.definite)) {
            return null;  // a construct dual needs its genitive after it; alone, ساعتي is "my watch"
        }
        double part = f.type == TokenType.ARABIC && f.conjunction && f.entry != null && f.entry.denominator > 0
                && f.entry.fractionForm == GrammaticalNumber.SINGULAR && !f.entry.isNumber() ? 1 / f.entry.denominator
                : 0;
        int last = part > 0 ? i + 1 : i;
        if (!w.dual) {
            boolean unit = w.unit != null && t.stemOffset == 0 && !t.definite && part > 0;
            return unit ? ArabicCounts.measure(w, 1 + part, i, last) : null;
        }
        Word singular = d.lexicon.get(w.singular);
        if (singular != null && singular.unit != null) {
            return ArabicCounts.measure(singular, 2 + part, i, last);
        }
        if (singular != null && singular.namesCurrency()) {
            return new Candidate(FigureKind.MONEY, i, last, 2 + part, null, null, null, null,
                    singular.currencyDefault, null, null, false, false);
        }
        return Candidate.of(FigureKind.COUNT, i, i, 2.0, w.singular, null);
    }

    /** The word at p is an indefinite dual that is no construct: listed (طفلان, بلدين) or feminine (نقرتين). */
    private static boolean indefiniteDual(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC || Nouns.arabicDefinite(d, p) || d.at(p + 1).lineBefore) {
            return false;
        }
        String form = Normalizer.key(d.surface(p));
        return t.entry != null ? t.entry.dual && !t.entry.construct && t.stemOffset == 0
                : form.length() >= 5 && (form.endsWith("تين") || form.endsWith("تان")) && !form.startsWith("هات")
                && !form.startsWith("اللت");  // هاتان فكرتان: "these two" and "which two" count nothing
    }

    /** The word at p is definite and ends like a dual or a sound plural (البلدتين, والمديرين). */
    private static boolean agreesWithDefinite(Doc d, int p) {
        String before = d.at(p).type == TokenType.ARABIC ? Normalizer.key(d.surface(p)) : "";
        before = d.at(p).conjunction ? before.substring(1) : before;
        return before.startsWith("ال") && (before.endsWith("ين") || before.endsWith("ان"));
    }

    /**
     * The dual of a feminine noun the lexicon does not list (التجربتين, فصيلتين), counted two when the story also
     * writes the noun in the singular or the plural (التجربة الثانية), which a name ending like a dual (بوتين) never
     * does, or when it stands indefinite right after a preposition (DUAL_AFTER: خلال نقرتين, بين حكومتين), where an
     * adjective in the dual would follow its noun; null otherwise.
     */
    static Candidate unlistedDual(Doc d, int i) {
        Token t = d.at(i);
        int n = t.end - t.start;
        if (!d.arabic || t.type != TokenType.ARABIC || t.entry != null || n < 6 || d.text.charAt(t.end - 1) != 'ن'
                || d.text.charAt(t.end - 3) != 'ت' || "يا".indexOf(d.text.charAt(t.end - 2)) < 0) {
            return null;
        }
        Token before = d.at(i - 1);
        String previous = before.type == TokenType.ARABIC ? Normalizer.key(d.surface(i - 1)) : "";
        boolean definite = Nouns.arabicDefinite(d, i);
        String written = Normalizer.clean(d.text, t.start, t.end);
        written = written.startsWith("و") || written.startsWith("ف") ? written.substring(1) : written;
        boolean behindPreposition = t.preposition || definite
                && (written.startsWith("لل") || written.startsWith("بال") || written.startsWith("كال"));
        if (!behindPreposition && (previous.endsWith("ين") || previous.endsWith("ان")
                || definite && Nouns.arabicDefinite(d, i - 1))) {
            // التجربتين الوديتين, الدولتين الخليجيتين: an adjective agreeing with the noun before it; one behind a
            // glued preposition opens a phrase of its own (المقرين السابقين للسفارتين)
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        String stem = bareStem(definite ? form : form.substring("بلك".indexOf(form.charAt(0)) >= 0 ? 1 : 0));
        stem = stem.substring(0, stem.length() - 3);
        Word adjective = d.lexicon.get(stem + "ة");
        if (stem.length() < 3 || adjective != null && adjective.country != null) {
            return null;  // الأمريكيتين: a nationality, an adjective
        }
        if (!definite && form.equals(bareStem(form)) && "بلك".indexOf(form.charAt(0)) < 0 && !form.endsWith("ستان")
                && !d.lexicon.isPlace(form) && stem.charAt(stem.length() - 1) != 'ا'
                && before.type == TokenType.ARABIC && before.stemOffset == 0 && !before.conjunction
                && d.lexicon.in(WordList.DUAL_AFTER, previous)) {
            return Candidate.of(FigureKind.COUNT, i, i, 2.0, stem + "ة", null);  // خلال نقرتين, بين حكومتين
        }
        String singular = Normalizer.key(stem + "ة");
        String plural = Normalizer.key(stem + "ات");
        for (int j = 0; j < d.size(); j++) {
            Token o = d.at(j);
            if (j != i && o.type == TokenType.ARABIC && o.end - o.start >= stem.length() + 1) {
                String key = Normalizer.key(bareStem(Normalizer.clean(d.text, o.start, o.end)));
                if (key.equals(singular) || key.equals(plural)) {
                    return Candidate.of(FigureKind.COUNT, i, i, 2.0, stem + "ة", null);
                }
            }
        }
        return null;
    }

    /** An Arabic word without a glued و or ف and without its article (والتجربة → تجربة). */
    private static String bareStem(String form) {
        String f = form.length() > 4 && (form.startsWith("و") || form.startsWith("ف")) ? form.substring(1) : form;
        String article = Nouns.definiteStemOf(f);
        return article != null ? article : f;
    }
}
