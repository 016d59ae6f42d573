package io.newsflow.extraction.figures;

/**
 * The noun an Arabic ordinal ranks: the definite noun before it (past up to two relational adjectives), the genitive after an
 * indefinite one, or the noun of an ordinal just before it that it is joined to; duals rank their singular.
 */
final class RankedNouns {

    private RankedNouns() {
    }

    /**
     * The definite noun an Arabic ordinal at i follows, past up to two definite relational adjectives (القمة العربية
     * الثلاثين → القمة, الدورة العلمية التدريبية التاسعة → الدورة), or -1.
     */
    static int rankedNoun(Doc d, int i) {
        int p = i - 1;
        for (int a = 0; a < 2 && relationalAdjective(d, p) && Nouns.arabicDefinite(d, p - 1); a++) {
            p--;
        }
        Token t = d.at(p);
        return Nouns.arabicDefinite(d, p) && !t.isNumberWord() && !d.at(p + 1).paragraphBefore
                && (t.entry == null || !t.has(Role.STOP) && t.entry.month == 0) ? p : -1;
    }

    private static boolean relationalAdjective(Doc d, int p) {
        Token t = d.at(p);
        if (!Nouns.arabicDefinite(d, p) || t.entry != null && t.entry.singular != null) {
            return false;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        return form.length() >= 5 && (form.endsWith("ي") || form.endsWith("ية"));
    }

    /**
     * The noun an indefinite ordinal ranks: the genitive of the construct it heads (أول زيارة → زيارة, أولى مباريات →
     * مباراة, a listed plural with a pronoun: أولى مبارياته → مباراة), past a superlative (ثاني أكبر المدن → مدينة, ثاني
     * أكبر مصدر → مصدر); a noun the lexicon lists, or after "first" any word but a definite one, a function word, a
     * verb or one with a pronoun glued on; else null.
     */
    static String rankedAfter(Doc d, int k, int value) {
        Token t = d.at(k);
        if (t.type != TokenType.ARABIC || t.preposition || t.conjunction || t.lineBefore) {
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        if (form.length() == 4 && "أا".indexOf(form.charAt(0)) >= 0 && !Nouns.arabicDefinite(d, k)
                && (t.entry == null || t.entry.singular == null && t.entry.unit == null) && !d.at(k + 1).lineBefore) {
            // أكبر المدن, أهم مصدر: a superlative picks from the plural or the noun after it
            return Nouns.arabicDefinite(d, k + 1) ? Nouns.arabicBefore(d, k + 1) : rankedAfter(d, k + 1, 1);
        }
        boolean listed = t.entry != null && (t.entry.singular != null || t.entry.unit != null) && !t.has(Role.STOP);
        String owned = t.entry == null && !Nouns.arabicDefinite(d, k) ? Nouns.withoutPronoun(d, form) : null;
        if (owned != null) {
            return owned;  // أولى مبارياته, ثالث أهدافه: a listed plural with its owner's pronoun, as definite as a genitive
        }
        if (Nouns.arabicDefinite(d, k) || form.length() < 3 || !listed && (value != 1 || t.entry != null
                || form.startsWith("ي") || form.matches(".*(ه|ها|هم|هما|هن|نا|كم)"))) {
            return null;
        }
        String singular = Nouns.singularOfPlural(d, form);
        return singular != null ? singular : form;
    }

    /**
     * مجموعة ثانية, لقاء أول: an indefinite ordinal written as an adjective (not the accusative of "secondly") after
     * an indefinite noun of its gender ranks that noun; null otherwise.
     */
    static String indefiniteBefore(Doc d, int i, String written) {
        int p = i - 1;
        String before = d.at(p).type == TokenType.ARABIC ? Normalizer.key(d.surface(p)) : "";
        if (before.length() >= 5 && before.endsWith("يه") && !Nouns.arabicDefinite(d, p)) {
            p--;  // وجهة عالمية أولى, خطة مساعدة مالية ثالثة: past an adjective of relation to the noun
        }
        Token t = d.at(p);
        String form = t.type == TokenType.ARABIC ? Normalizer.key(d.surface(p)) : "";
        String raw = d.surface(p);
        if (raw.endsWith("ه") || raw.endsWith("ها") || raw.endsWith("هم") || t.entry != null
                && t.entry.currencyFamily != null) {
            return null;  // بابه ثانية, أطأه ثانية: "again"; مليون ريال ثاني تلك الشركات heads a construct
        }
        if (t.type != TokenType.ARABIC || t.preposition || t.has(Role.STOP) || t.isNumberWord()
                || d.at(i).lineBefore || d.at(i).conjunction || written.endsWith("ا") || Nouns.arabicDefinite(d, p)) {
            return null;
        }
        Token next = d.at(i + 1);
        boolean feminine = written.endsWith("ة") || written.endsWith("ى") || written.endsWith("ه");
        // the ordinal closes its phrase; otherwise it heads a construct (رابع هبوط, ثالث الدوري, أول من)
        boolean closes = next.type == TokenType.SYMBOL || next.lineBefore || next.conjunction || next.preposition
                || next.type == TokenType.ARABIC && (next.has(Role.STOP) || next.has(Role.IN))
                && !(next.has(Role.FROM) && !feminine) && !next.isNumberWord();
        String noun = closes && !d.lexicon.in(WordList.MILITARY_RANK, d.stemKey(p)) && !form.equals("مده")
                ? Nouns.arabicAfter(d, p, 1) : null;
        // a listed noun, or a feminine one in ة that agrees with a feminine ordinal (not a name nor a verb)
        boolean listed = t.entry != null && t.entry.singular != null && t.stemOffset == 0;
        if (noun == null || !listed && !(feminine && Normalizer.key(noun).endsWith("ه"))) {
            return null;
        }
        if (!listed && "ولكب".indexOf(noun.charAt(0)) >= 0 && noun.length() > 4) {
            String rest = noun.substring(1);  // لسلسلة ثالثة, كرغبة أولى: a glued clitic, when the story writes the bare noun
            noun = d.text.contains(" " + rest) || d.text.contains("ال" + rest) ? rest : noun;
        }
        return feminine == (Normalizer.key(noun).endsWith("ه")) ? noun : null;
    }

    /**
     * من المركز الثالث إلى الرابع, المرحلتين الأولى والثانية: a definite ordinal right after another one, joined by
     * "to" or a glued "and", ranks the same noun; that noun, or null.
     */
    static String ofOrdinalBefore(Doc d, int i) {
        int p = d.at(i).conjunction ? i - 1 : d.at(i - 1).has(Role.TO) && d.at(i - 1).stemOffset == 0 ? i - 2 : -1;
        Token other = d.at(p);
        if (p < 1 || other.entry == null || other.entry.ordinal <= 0 || !Nouns.arabicDefinite(d, p)) {
            return null;
        }
        int noun = rankedNoun(d, p);
        return noun < 0 ? null : singularRanked(d, noun);
    }

    /**
     * The noun at p an ordinal ranks, in the singular: a listed dual ranks its singular (القرنين الأول), a feminine
     * one its noun in ة (المرحلتين الأولى).
     */
    static String singularRanked(Doc d, int p) {
        Token t = d.at(p);
        if (t.entry != null && t.entry.dual) {
            return t.entry.singular;
        }
        String noun = Nouns.arabicBefore(d, p);
        String form = t.type == TokenType.ARABIC ? Normalizer.clean(d.text, t.start, t.end) : "";
        if (noun == null || !(form.endsWith("تين") || form.endsWith("تان"))) {
            return noun;
        }
        return noun.endsWith("تين") || noun.endsWith("تان") ? noun.substring(0, noun.length() - 3) + "ة"
                : noun.endsWith("ت") && noun.length() > 2 ? noun.substring(0, noun.length() - 1) + "ة" : noun;
    }
}
