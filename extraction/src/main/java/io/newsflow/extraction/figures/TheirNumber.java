package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic numbers given as the number of a plural the sentence named: after عدد and the plural (ارتفع عدد القتلى إلى
 * 3216), or as "their number" (عددهم, عددها, عددهن) of a plural the sentence named just before:
 * الشركات المدرجة في السوق والبالغ عددها 172, جنود الحلف البالغ عددهم نحو 12 ألفا, للمتوفين البالغ عددهم (7).
 * The number counts that plural's singular. A paper's issue (في عددها 15601) and a number that is not the
 * pronoun's own (سيصبح عددهم عام 1440) count nothing.
 */
final class TheirNumber {

    private TheirNumber() {
    }

    /** How far before "their number" the plural may stand: past a relative word, a verb and a short adjunct. */
    private static final int REACH = 7;

    static Candidate of(Doc d, NumberPhrase n) {
        if (!d.arabic || n.value() < 1 || n.value() % 1 != 0 || d.at(n.first()).definite) {
            return null;
        }
        int j = n.first() - 1;
        j = d.isSymbol(j, '(') ? j - 1 : j;
        if (d.at(j).type == TokenType.ARABIC && d.lexicon.in(WordList.ESTIMATE_BEFORE, d.stemKey(j))) {
            j = d.isSymbol(j - 1, '(') ? j - 2 : j - 1;  // البالغ عددهم نحو (65) مليونا
        }
        if (!theirNumberWord(d, j) || "في".equals(Normalizer.key(d.surface(j - 1)))) {
            return null;
        }
        String singular = pluralBefore(d, j, REACH, -1, false);
        return singular == null ? null
                : Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, singular, null, n.first(), n.last());
    }

    /**
     * تجمعا للحوثيين وقتل 8 منهم, هجوم للإرهابيين وقتلت 21 منهم: a number right before "of them" that carries no
     * count counts the plural the sentence named in the words before the number, after the last count (at after,
     * or -1): رصدت خمس مركبات ... هجوم للإرهابيين وقتلت 21 منهم counts terrorists, since the plural named since
     * the count is the nearer antecedent.
     */
    static Candidate ofThemNamed(Doc d, NumberPhrase n, int k, int after) {
        if (!d.arabic || n.hasScale() || n.value() < 1 || n.value() % 1 != 0 || d.at(n.first()).definite
                || d.at(k).type != TokenType.ARABIC) {
            return null;
        }
        String key = Normalizer.key(d.surface(k));
        if (!key.equals(Normalizer.key("منهم")) && !key.equals(Normalizer.key("منها"))) {
            return null;
        }
        String singular = pluralBefore(d, n.first(), OF_THEM_REACH, after, true);
        return singular == null ? null
                : Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, singular, null, n.first(), n.last());
    }

    /**
     * Within five words (a verb, a preposition, an adjective): further back, "them" is as often a group named since
     * without a plural the rules know (تقمع تظاهرة لتدريسيين وتعتقل 200 منهم).
     */
    private static final int OF_THEM_REACH = 5;

    /** عددهم, عددها, عددهن, with or without a glued و. */
    private static boolean theirNumberWord(Doc d, int j) {
        if (d.at(j).type != TokenType.ARABIC) {
            return false;
        }
        String key = Normalizer.key(d.surface(j));
        key = key.startsWith("و") ? key.substring(1) : key;
        return key.equals("عددهم") || key.equals("عددها") || key.equals("عددهن");
    }

    /**
     * The singular of the nearest plural noun in the reach words before j and after the index after, in the same
     * sentence with no number or punctuation between (past commas where overCommas: للمصابين مطمئن، وتم نقل سبعة
     * منهم; "their number" stays within its clause, since عددهن after a comma is often another group's): a
     * definite one is taken back to the head it may follow as an adjective (الدول الأعضاء counts states) or
     * complete as a genitive (سكان البلاد counts inhabitants); nationalities are adjectives.
     */
    private static String pluralBefore(Doc d, int j, int reach, int after, boolean overCommas) {
        int words = 0;
        for (int i = j - 1; words < reach && i > after && d.sameSentence(i, j); i--) {
            Token t = d.at(i);
            if (overCommas && d.isComma(i) && !d.at(i + 1).lineBefore) {
                continue;
            }
            words++;
            if (t.type != TokenType.ARABIC || t.isNumberWord() || d.at(i + 1).lineBefore) {
                return null;
            }
            if (Nouns.nationality(d, t) != null) {
                continue;
            }
            String singular = singularAt(d, i);
            if (singular == null) {
                continue;
            }
            int head = i;
            while (d.at(head - 1).type == TokenType.ARABIC && singularAt(d, head - 1) != null
                    && Nouns.nationality(d, d.at(head - 1)) == null
                    && (Nouns.arabicDefinite(d, head - 1) || !d.at(head - 1).definite && Nouns.arabicDefinite(d, head))) {
                head--;
            }
            return singularAt(d, head);
        }
        return null;
    }

    /** The singular of a definite plural, or of an indefinite listed one (سكان, جنود, أعضائه), at i; else null. */
    private static String singularAt(Doc d, int i) {
        Token t = d.at(i);
        if (t.has(Role.STOP) || t.preposition && !Nouns.arabicDefinite(d, i)) {
            return null;
        }
        String stem = Nouns.definiteStem(d, i);
        if (stem != null) {
            return Nouns.singularOfPlural(d, stem);
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        if (t.entry != null && t.stemOffset == 0 && t.entry.singular != null && !t.entry.dual) {
            return Nouns.singularOfPlural(d, form);
        }
        return t.stemOffset == 0 ? Nouns.withoutPronoun(d, form) : null;
    }

    /**
     * A number the sentence gives as the number of a plural it named (ارتفع عدد القتلى إلى 3216, بلغ عدد المراجعين
     * للعيادات 2973, ارتفاع العدد الإجمالي للقتلى إلى 50, تراجع عدد السجناء من 127 إلى 116): a count of that
     * plural's singular. The plural follows عدد, definite, or listed and completed by a definite genitive (عدد زوار
     * المكتبة); no other number may come between but a range's first bound. Not عدد من ("a number of"), nor an
     * issue's number (العدد 15588).
     */
    static Candidate ofNamedPlural(Doc d, NumberPhrase n) {
        int before = d.isSymbol(n.first() - 1, '(') ? n.first() - 2 : n.first() - 1;
        if (!d.arabic || n.value() < 1 || n.value() % 1 != 0 || d.at(n.first()).definite
                || d.lexicon.in(WordList.NUMBERED_NAME, d.surface(before))) {
            return null;  // بمقدار الخمس, فالاثنان ("both"), ثانوية (127): no count
        }
        for (int j = n.first() - 1; j >= n.first() - NUMBER_OF_REACH && d.sameSentence(j, n.first()); j--) {
            Token t = d.at(j);
            if (t.type == TokenType.DIGITS || t.isNumberWord()) {
                if (!d.at(j + 1).has(Role.TO)) {
                    return null;
                }
                continue;  // من 127 إلى 116: past the first bound
            }
            if (!isAdad(d, j)) {
                continue;
            }
            int p = j + 1;
            if (Nouns.arabicDefinite(d, j) && Nouns.arabicDefinite(d, p) && Normalizer.key(d.surface(p + 1)).startsWith("لل")) {
                p++;  // العدد الإجمالي للقتلى: past the adjective of the number
            }
            String singular = p < n.first() ? pluralsSingular(d, p) : null;
            return singular == null ? null
                    : Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, singular, null, n.first(), n.last());
        }
        return null;
    }

    private static final int NUMBER_OF_REACH = 10;

    /**
     * يرتفع العدد إلى خمسة آلاف, هذا العدد يبلغ مليونا, والعدد يزداد 500 ألف سنويا: a number given as "the number"
     * with no plural after it counts the noun of the count the story just gave (4200 موظف ... يرتفع العدد إلى خمسة
     * آلاف), within 40 tokens and one paragraph. "The number" is definite and stands two to five words before the
     * number with only words between that are neither من nor a genitive behind a glued preposition (العدد الأكبر من
     * الركاب, العدد الإجمالي لسيارات name their own noun); right before it, العدد is a paper's issue (العدد 15588).
     */
    static Candidate ofTheNumber(Doc d, NumberPhrase n, Candidate lastCount) {
        if (!d.arabic || lastCount == null || lastCount.unit() == null || n.value() < 1 || n.value() % 1 != 0
                || d.at(n.first()).definite || n.first() - lastCount.last() > THE_NUMBER_REACH) {
            return null;
        }
        for (int i = lastCount.last() + 1; i <= n.first(); i++) {
            if (d.at(i).paragraphBefore) {
                return null;
            }
        }
        for (int j = n.first() - 2; j >= n.first() - 5 && j > lastCount.last(); j--) {
            if (theNumber(d, j)) {
                for (int i = j + 1; i < n.first(); i++) {
                    Token t = d.at(i);
                    if (t.type != TokenType.ARABIC || t.isNumberWord() || t.has(Role.FROM)
                            || t.preposition && t.stemOffset > 0) {
                        return null;
                    }
                }
                return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, lastCount.unit(), null, n.first(),
                        n.last());
            }
        }
        return null;
    }

    private static final int THE_NUMBER_REACH = 40;

    /** The word at j is "the number" with its article (العدد, والعدد, للعدد). */
    private static boolean theNumber(Doc d, int j) {
        if (!isAdad(d, j)) {
            return false;
        }
        String key = Normalizer.key(d.surface(j));
        key = key.length() > 3 && key.startsWith("و") ? key.substring(1) : key;
        return Nouns.definiteStemOf(key) != null;
    }

    /** The word at j is عدد ("number"), with the article or a glued و, ب or ل (وعدد, بعدد, العدد, للعدد). */
    private static boolean isAdad(Doc d, int j) {
        if (d.at(j).type != TokenType.ARABIC) {
            return false;
        }
        String key = Normalizer.key(d.surface(j));
        key = key.length() > 3 && key.startsWith("و") ? key.substring(1) : key;
        String stem = Nouns.definiteStemOf(key);
        return "عدد".equals(stem != null ? stem : key.length() == 4 && "بل".indexOf(key.charAt(0)) >= 0
                ? key.substring(1) : key);
    }

    /** The singular of the plural at p: a definite one (القتلى, للقتلى), or a listed one a definite genitive completes. */
    private static String pluralsSingular(Doc d, int p) {
        String stem = Nouns.definiteStem(d, p);
        if (stem != null) {
            return Nouns.singularOfPlural(d, stem);
        }
        Token t = d.at(p);
        boolean construct = t.type == TokenType.ARABIC && t.stemOffset == 0 && t.entry != null
                && t.entry.singular != null && !t.entry.dual && Nouns.arabicDefinite(d, p + 1);
        return construct ? Nouns.singularOfPlural(d, Normalizer.clean(d.text, t.start, t.end)) : null;
    }
}
