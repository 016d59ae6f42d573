package io.newsflow.extraction.figures;

/**
 * The group a count is taken from after a partitive ("30 of the employees", ثلاثة من الجنود), read apart from the
 * noun right after a number ({@link Nouns}) since the group's noun is found past the partitive and its definiteness.
 */
final class Partitives {

    private Partitives() {
    }

    /**
     * The group a count is taken from, after the partitive at k: "30 of the employees", "ثلاثة من الجنود". The
     * group is a definite plural noun (a singular one is a whole a number is part of: 20 من الشهر); its singular
     * is the counted noun. Null when no such group follows.
     */
    static Nouns.Noun group(Doc d, int k) {
        Token of = d.at(k);
        if (d.english && "out".equalsIgnoreCase(d.surface(k)) && "of".equalsIgnoreCase(d.surface(k + 1))) {
            return EnglishNouns.group(d, k + 1);  // six out of the 14 places
        }
        if (!of.isWord() || of.stemOffset != 0 || of.conjunction || !d.lexicon.in(WordList.PARTITIVE, d.surface(k))) {
            return null;
        }
        if (d.english) {
            return EnglishNouns.group(d, k);
        }
        Token group = d.at(k + 1);
        Token after = d.at(k + 2);
        boolean demonstrative = d.lexicon.in(WordList.GROUP_DETERMINER, d.surface(k + 1)) && group.stemOffset == 0;
        if (d.arabic && !group.definite && (elative(d, k + 1) || demonstrative) && after.type == TokenType.ARABIC
                && (after.definite || Nouns.arabicDefinite(d, k + 2)) && !after.lineBefore && !after.isNumberWord()) {
            // ثمانية من أكثر المناطق تضررا: the group is the plural the superlative picks from; ستون من هؤلاء
            // المقاتلين: the plural a demonstrative points to
            String plural = Nouns.stripArticle(Normalizer.clean(d.text, after.start, after.end));
            String singular = plural == null ? null : Nouns.singularOfPlural(d, plural);
            return singular == null ? null : new Nouns.Noun(singular, k + 2);
        }
        if (!d.arabic || group.type != TokenType.ARABIC || group.conjunction
                || group.entry != null && (group.entry.isNumber() || group.entry.unit != null
                || group.entry.namesMonth() || group.entry.ordinal > 0 || group.has(Role.STOP))) {
            return null;
        }
        String form = Normalizer.clean(d.text, group.start, group.end);
        String stem = Nouns.stripArticle(form);
        if (group.definite && stem == null) {
            return null;
        }
        if (!group.definite && stem == null && Nouns.withoutPronoun(d, form) == null
                && (Nouns.arabicDefinite(d, k + 2) && !d.at(k + 2).isNumberWord()
                || constructLink(d, k + 2) && Nouns.arabicDefinite(d, k + 3) && !d.at(k + 3).isNumberWord())) {
            // ثلاثة من قطاعات السوق: a plural made definite by the noun after it, or by a chain of constructs
            // (24 من أفراد قوات الأمن); not one its pronoun makes definite (سبعة من مسؤوليه الكبار: the word after
            // describes it)
            stem = form;
        } else if (!group.definite && stem == null) {
            Word accusative = Nouns.listedAccusative(d, form);
            if (accusative != null && group.stemOffset == 0) {
                return new Nouns.Noun(accusative.singular, k + 1);  // 3042 من عنصرا: a slip; no group is accusative
            }
            String owned = Nouns.withoutPronoun(d, form);  // ثلاثة من جنودها: the group made definite by its owner
            Token genitive = d.at(k + 2);
            if (owned == null && stem == null && group.entry == null && Nouns.constructSingular(d, form) != null
                    && genitive.type == TokenType.ARABIC && !genitive.lineBefore && !genitive.isNumberWord()) {
                owned = Nouns.constructSingular(d, form);  // 27 من منتسبي قوات الشرطة: a sound plural's construct
            }
            Word w = group.entry;  // 29 من عناصر داعش: a listed plural before a name, definite without an article
            if (owned == null && w != null && group.stemOffset == 0 && w.singular != null && !w.dual
                    && !Normalizer.key(w.singular).equals(Normalizer.key(form)) && constructLink(d, k + 2)) {
                owned = w.singular;
            }
            return owned == null ? null : new Nouns.Noun(owned, k + 1);
        }
        Word nisba = d.lexicon.get(stem + "ي");
        if (group.entry != null && group.entry.countryName || nisba != null && nisba.country != null
                || group.entry == null && (d.lexicon.isPlace(form) || d.lexicon.isPlace(stem))) {
            // اثنين من البحرين (بحريني names its people): from a place, not a group the lexicon does not list
            return null;
        }
        String singular = Nouns.singularOfPlural(d, stem);
        if (singular == null && stem.equals(form) && group.entry == null) {
            singular = Nouns.constructSingular(d, form);  // ثلاثة من مقاتلي المقاومة: before a definite genitive
        }
        return singular == null ? null : new Nouns.Noun(singular, k + 1);
    }

    /** An indefinite Arabic noun at i that a definite genitive after it may complete (قوات in أفراد قوات الأمن). */
    private static boolean constructLink(Doc d, int i) {
        Token t = d.at(i);
        return t.type == TokenType.ARABIC && !t.lineBefore && !t.conjunction && !t.preposition && !t.has(Role.STOP)
                && !t.isNumberWord() && !Nouns.arabicDefinite(d, i) && (t.entry == null || t.entry.singular != null);
    }

    /**
     * An elative (أفعل: أكثر, أبرز, أهم, أكبر) that the lexicon does not know as a noun: the word a superlative
     * "of the most ..." is made of.
     */
    private static boolean elative(Doc d, int k) {
        Token t = d.at(k);
        String form = Normalizer.key(d.surface(k));
        return t.stemOffset == 0 && (t.entry == null || t.entry.singular == null && t.entry.unit == null)
                && form.startsWith("ا") && (form.length() == 4 || form.length() == 3);
    }
}
