package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic ordinals: ordinal words and compounds (السادسة, الحادي عشر, الخامس والعشرون, المئة والخامسة والعشرون,
 * العشرون after a noun) and digits after a detached article (الدورة الـ46). The unit of an ordinal is the noun it
 * ranks, the noun before it (الدفعة السادسة → دفعة). English ordinals are {@link EnglishOrdinals}.
 */
final class OrdinalRecognizer {

    /** An ordinal's value and its last token. */
    record Ordinal(int value, int last) {
    }

    private OrdinalRecognizer() {
    }

    /** An Arabic ordinal at token i, or null. */
    static Ordinal arabic(Doc d, int i) {
        Token t = d.at(i);
        Word w = t.entry;
        if (w == null || t.preposition && !t.definite && !ArabicFirsts.rankedAfterPreposition(d, i)
                || ArabicFirsts.primary(d, i)) {
            return null;
        }
        int value;
        int k = i;
        if (w.ordinal > 0) {
            value = (int) w.ordinal;
            if (isTenSuffix(d, k + 1)) {
                value += 10;
                k++;
            } else if (w.numClass != null && w.number == 1 && w.ordinal == 1 && !t.definite) {
                return null;  // حادي needs عشر or a tens word
            }
        } else if (t.definite && w.numClass == NumberClass.TENS) {
            return new Ordinal((int) w.number, i);
        } else if (t.definite && w.numClass == NumberClass.UNIT && isTenSuffix(d, i + 1)) {
            value = (int) w.number + 10;  // الاثنا عشر
            k++;
        } else if (t.definite && w.numClass == NumberClass.HUNDRED && w.number == 100
                && (d.at(i + 1).conjunction || d.isAndWord(i + 1))) {
            Ordinal rest = arabic(d, d.isAndWord(i + 1) ? i + 2 : i + 1);
            return rest == null ? null : new Ordinal(100 + rest.value(), rest.last());
        } else {
            return null;
        }
        int c = d.isAndWord(k + 1) ? k + 2 : k + 1;
        Token tens = d.at(c);
        if ((c == k + 2 || tens.conjunction) && tens.isNumberWord() && tens.entry.numClass == NumberClass.TENS
                && value < 10) {
            return new Ordinal(value + (int) tens.entry.number, c);
        }
        if (w.ordinal == 1 && w.numClass == NumberClass.UNIT && value == 1) {
            return null;
        }
        return new Ordinal(value, k);
    }

    /**
     * An indefinite noun in the accusative, as a cardinal's counted noun is written (عاما, فرعا; a feminine one in ة
     * looks the same in every case: الخمسين سنة).
     */
    private static boolean tamyiz(Doc d, int k) {
        Token t = d.at(k);
        if (t.type != TokenType.ARABIC || t.definite || t.preposition || t.conjunction) {
            return false;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        return t.entry != null && (t.entry.singular != null || t.entry.unit != null)
                && (form.endsWith("ا") || form.endsWith("ة")) && !t.entry.dual
                || Nouns.listedAccusative(d, form) != null;
    }

    /**
     * The singular the lexicon lists for the word at p less the pronoun glued to it (عامه → عام, دورتها → دورة): a
     * noun made definite by its owner, which digits after a detached article rank; null otherwise.
     */
    private static String singularWithPronoun(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC || t.preposition || d.at(p + 1).lineBefore) {
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        form = form.startsWith("و") && form.length() > 4 ? form.substring(1) : form;
        int cut = form.endsWith("ها") || form.endsWith("هم") ? 2 : form.endsWith("ه") ? 1 : 0;
        if (cut == 0 || form.length() - cut < 3) {
            return null;
        }
        String stem = form.substring(0, form.length() - cut);
        stem = stem.endsWith("ت") ? stem.substring(0, stem.length() - 1) + "ة" : stem;
        Word w = d.lexicon.get(stem);
        return w != null && w.singular != null && !w.dual && Normalizer.key(w.singular).equals(Normalizer.key(stem))
                ? w.singular : null;
    }

    /** An indefinite Arabic noun with no pronoun glued to it: the head of a construct (مستوى in مستوى الخمسين). */
    private static boolean constructHead(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC || t.definite || t.preposition || t.has(Role.STOP) || t.isNumberWord()
                || t.entry != null && (t.entry.weekday > 0 || t.entry.namesMonth() || t.entry.ordinal > 0)) {
            return false;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        return form.length() >= 3 && !form.endsWith("ه") && !form.endsWith("ها") && !form.endsWith("هم")
                && !form.endsWith("هن") && !form.endsWith("نا") && !form.endsWith("كم");
    }

    private static boolean isTenSuffix(Doc d, int i) {
        Token t = d.at(i);
        return t.isNumberWord() && t.entry.numClass == NumberClass.TEN_SUFFIX && !t.conjunction;
    }

    /** The Arabic ordinal figure at i, المائة (the hundred) as a number, a name (ثاني بن أحمد), or null. */
    static Proposal arabicAt(Doc d, int i) {
        if (!d.arabic) {
            return null;
        }
        Token t = d.at(i);
        if (t.has(Role.ADVERBIAL)) {
            // وحل ثالثا, جاءت ماليزيا رابعا: a rank after a verb of placing; else أولا, ثانيا order an argument
            return AdverbialOrdinals.placed(d, i) ? Candidate.of(FigureKind.ORDINAL, i, i, t.entry.ordinal, null, null)
                    : new Proposal.NotAFigure(i);
        }
        Ordinal ord = arabic(d, i);
        if (ord != null && ord.value() == 1 && militaryRank(d, i)) {
            return new Proposal.NotAFigure(ord.last());  // الفريق أول ركن, عريف أول: a rank's title, not "first"
        }
        Token count = d.at(i - 1);
        if (ord != null && ord.value() == 1 && d.surface(i).startsWith("ال") && count.isNumberWord()
                && count.entry.ordinal == 0 && d.surface(i - 1).startsWith("ال")) {
            return new Proposal.NotAFigure(ord.last());  // الأشهر الخمسة الأولى: the first five, counted once
        }
        if ((ord != null || t.definite && t.isNumberWord()) && numberedName(d, i - 1)) {
            NumberPhrase n = ord == null ? NumberRecognizer.at(d, i, false) : null;
            int last = ord != null ? ord.last() : n != null ? n.last() : i;
            return new Proposal.NotAFigure(last);  // الشارع العاشر, بشارع الستين: a street's name
        }
        if (ord != null && t.entry.ordinal == 0 && tamyiz(d, ord.last() + 1)) {
            return null;  // الخمسين عاما الماضية: a cardinal with its counted noun after it, the fifty years
        }
        int noun = ord != null || t.definite && t.isNumberWord() ? RankedNouns.rankedNoun(d, i) : -1;
        if (ord != null && t.entry.ordinal == 0 && noun < 0 && constructHead(d, i - 1)) {
            // مستوى الخمسين, سن الستين: a definite cardinal after an indefinite noun completes it, a value
            return Candidate.of(FigureKind.NUMBER, i, ord.last(), (double) ord.value(), null, null);
        }
        if (ord != null && t.entry.ordinal == 0 && noun >= 0
                && (Nouns.arabicDefinitePlural(d, noun) || pluralHead(d, noun - 1) && !century(d, noun))) {
            // الدول العشرين, قطاعات السوق الخمسة عشر: a definite number after a plural counts it; but centuries are
            // ranked whatever plural they complete (بدايات القرن العشرين)
            return null;
        }
        if (ord == null && noun >= 0 && t.definite && t.isNumberWord() && !Nouns.arabicDefinitePlural(d, noun)) {
            // الفريق الواحد والعشرين, المرة الألف, الذكرى المئة: a definite cardinal past ten after a singular
            // noun ranks it (below eleven Arabic has ordinal words of its own)
            NumberPhrase n = NumberRecognizer.at(d, i, false);
            if (n != null && n.value() > 10 && n.value() % 1 == 0
                    && !(n.hasScale() && !d.at(n.last() + 1).conjunction
                    && Nouns.arabicAfter(d, n.last() + 1, n.value()) != null)) {  // المائة ألف سلة counts baskets
                return Candidate.of(FigureKind.ORDINAL, i, n.last(), n.value(), Nouns.arabicBefore(d, noun), null);
            }
        }
        if (ord == null) {
            Token scale = d.at(i + 1);
            if (t.definite && t.isNumberWord() && t.entry.numClass == NumberClass.HUNDRED && t.entry.number == 100
                    && !d.at(i - 1).has(Role.IN) && !(scale.isNumberWord() && scale.entry.numClass == NumberClass.SCALE
                    && scale.stemOffset == 0) && !listedNoun(scale)) {
                // المائة; المائة ألف سلة counts on, as المائة مشارك counts the listed noun after it
                return Candidate.of(FigureKind.NUMBER, i, i, 100.0, null, null);
            }
            return null;
        }
        int day = d.at(i + 1).has(Role.FROM) ? i + 2 : i + 1;
        if (ord.value() == 1 && "أول".equals(Normalizer.clean(d.text, t.start, t.end)) && d.at(day).entry != null
                && d.at(day).entry.dayOffset != 0) {
            return null;  // أول أمس, أول من أمس: the day before yesterday, a date
        }
        String written = Normalizer.clean(d.text, t.start, t.end);
        if (ord.value() == 1 && (written.equals("أولي") || written.equals("اولي"))
                && Nouns.arabicDefinite(d, i + 1)) {
            return new Proposal.NotAFigure(i);  // أولي الأمر, أولي الألباب: "those of", not "first"
        }
        int hijri = ord.value() <= 30 ? LabelRecognizer.hijriDay(d, ord.last() + 1) : -1;
        if (hijri >= 0 && d.at(ord.last() + 1).has(Role.FROM)) {
            return new Proposal.NotAFigure(hijri);  // الأول من محرم: a Hijri date
        }
        if (clockTime(d, i, ord.last())) {
            return new Proposal.NotAFigure(ord.last());  // الساعة الثانية فجرا, التاسعة صباحا: a time of day
        }
        if (!t.definite && d.lexicon.in(WordList.SIDE, withoutArticle(d.stemKey(i - 1)))
                && d.at(i - 2).has(Role.FROM)) {
            return new Proposal.NotAFigure(ord.last());  // من جهة ثانية: "on the other hand"
        }
        if (AdverbialOrdinals.again(d, i, ord)) {
            return new Proposal.NotAFigure(ord.last());
        }
        int reference = d.at(i - 1).type == TokenType.SYMBOL ? i - 2 : i - 1;
        String head = withoutArticle(d.stemKey(reference));
        if (d.lexicon.in(WordList.TEXT_PART, head) || d.lexicon.in(WordList.FIXED_ORDINAL, head) || worldWar(d, i)
                || d.lexicon.in(WordList.FIRST_IDIOM, head) && !Nouns.arabicDefinite(d, reference)) {
            // المادة السابعة عشرة: a reference; الحرب العالمية الثانية, جمادى الأولى: names; في المقام الأول, مرة
            // ثانية ("again"): no rank
            return new Proposal.NotAFigure(ord.last());
        }
        if (d.lexicon.in(WordList.NAME_AFTER, d.surface(ord.last() + 1))
                || "آل".equals(Normalizer.clean(d.text, d.at(i - 1).start, d.at(i - 1).end))) {
            return new Proposal.NotAFigure(ord.last());  // ثاني بن أحمد, آل ثاني: a name, not "second"
        }
        String unit = !Nouns.arabicDefinite(d, i) && !written.equals("أولي") && !written.equals("اولي")
                ? RankedNouns.rankedAfter(d, ord.last() + 1, ord.value()) : null;
        if (unit == null && (noun >= 0 || Nouns.arabicDefinite(d, i))) {
            unit = RankedNouns.singularRanked(d, noun >= 0 ? noun : i - 1);
        }
        if (unit == null && Nouns.arabicDefinite(d, i)) {
            unit = RankedNouns.ofOrdinalBefore(d, i);
        }
        if (unit == null && !Nouns.arabicDefinite(d, i) && ord.last() == i) {
            unit = RankedNouns.indefiniteBefore(d, i, written);
        }
        String before = Nouns.arabicDefinite(d, i - 1) ? Nouns.arabicBefore(d, i - 1) : null;
        if (before != null && d.lexicon.in(WordList.NUMBERED_NAME, before)) {
            return new Proposal.NotAFigure(ord.last());  // الثانوية الثانية بصفوى: a school's name, not a rank
        }
        return Candidate.of(FigureKind.ORDINAL, i, ord.last(), (double) ord.value(), unit, null);
    }

    /**
     * الدورة الـ46, المرتبة الـ 46, الدورة ال 14: digits after the article (with a tatweel, or a space between) rank
     * the singular definite noun before them, as المرة الألف does in words; before a noun, or after a plural, they
     * count it (الـ 20 عاما, السنوات الـ 20).
     */
    static Proposal afterArticle(Doc d, NumberPhrase n) {
        boolean bracketed = d.isSymbol(n.first() - 1, '(') && d.isSymbol(n.last() + 1, ')');  // التقرير الـ (51)
        int i = bracketed ? n.first() - 1 : n.first();
        int last = bracketed ? n.last() + 1 : n.last();
        Token article = d.at(i - 1);
        if (!d.arabic || !n.plainDigits() || n.value() < 1 || article.type != TokenType.ARABIC
                || !"ال".equals(d.stemKey(i - 1)) && !"ال".equals(Normalizer.key(d.surface(i - 1)))) {
            return null;
        }
        // الـ46, الـ 46 and ال 14 rank or count; ال29 glued without a tatweel only counts (المتهمين ال29), since
        // a page or an item glued so (الصفحة ال١٩٢) is a reference
        boolean glued = d.text.charAt(article.end - 1) != '\u0640' && d.attached(i - 1);
        int noun = RankedNouns.rankedNoun(d, i - 1);
        Token next = d.at(last + 1);
        boolean counts = next.entry != null && !next.definite && !next.preposition
                && (next.entry.singular != null || next.entry.unit != null || next.entry.currencyFamily != null);
        String counted = noun >= 0 && !counts && Nouns.arabicDefinitePlural(d, noun) ? Nouns.arabicBefore(d, noun)
                : null;
        if (counted != null) {  // المتهمين ال29, السنوات الـ 20: the number counts the plural before it
            Word unit = d.lexicon.get(counted);
            return unit != null && unit.unit != null
                    ? Candidate.of(unit.unitKind, noun, last, n.value(), unit.unit, unit.unitKind
                    == FigureKind.DURATION ? DurationRecognizer.iso(n.value(), unit.isoDesignator) : null)
                    : Candidate.of(FigureKind.COUNT, noun, last, n.value(), counted, null);
        }
        // نواب حزبه الـ149, سنوات إدارته الـ 13: after a plural head the number counts the plural
        String owned = noun < 0 && !glued && !counts && !pluralHead(d, i - 3) ? singularWithPronoun(d, i - 2) : null;
        if (owned != null) {
            return Candidate.of(FigureKind.ORDINAL, i - 1, last, n.value(), owned, null);  // في عامه الـ 17
        }
        if (glued || noun < 0 || counts || Nouns.arabicDefinitePlural(d, noun) || pluralHead(d, noun - 1)
                || d.at(noun).entry != null && d.at(noun).entry.weekday != 0) {
            return null;  // دول الاتحاد الـ28 counts the countries; يوم الخميس الـ 28 is a date
        }
        if (d.lexicon.in(WordList.CLOCK_BEFORE, withoutArticle(d.stemKey(noun)))
                || d.lexicon.in(WordList.DAY_PART, withoutArticle(d.stemKey(last + 1)))) {
            return new Proposal.NotAFigure(last);  // الساعة الـ 12 ظهرا: a time of day
        }
        return Candidate.of(FigureKind.ORDINAL, i - 1, last, n.value(), Nouns.arabicBefore(d, noun), null);
    }

    /** An indefinite plural heading a genitive (قطاعات in قطاعات السوق): a number after both agrees with it. */
    private static boolean century(Doc d, int p) {
        String stem = Nouns.definiteStem(d, p);
        Word w = stem != null ? d.lexicon.get(stem) : null;
        return w != null && "century".equals(w.unit);
    }

    static boolean pluralHead(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC || t.definite) {
            return false;
        }
        String key = d.stemKey(p);
        return t.entry == null ? key.length() >= 5 && key.endsWith("ات")
                : t.entry.singular != null && !t.entry.dual && !key.equals(Normalizer.key(t.entry.singular));
    }

    /**
     * Arabic tells the hour by a feminine ordinal (the hour understood): after الساعة, or before a part of the day,
     * directly or after من (السابعة مساء, العاشرة من صباح أمس).
     */
    private static boolean clockTime(Doc d, int first, int last) {
        if (!Normalizer.key(d.surface(first)).endsWith("ه")) {
            return false;  // hours are feminine: السابعة, not السابع
        }
        int after = d.at(last + 1).has(Role.FROM) ? last + 2 : last + 1;
        return d.lexicon.in(WordList.CLOCK_BEFORE, withoutArticle(d.stemKey(first - 1)))
                || d.lexicon.in(WordList.DAY_PART, withoutArticle(d.stemKey(after)));
    }

    /** The world wars are names: الحرب العالمية الثانية, like World War Two. */
    private static boolean worldWar(Doc d, int i) {
        return d.lexicon.in(WordList.WORLD_WAR, withoutArticle(d.stemKey(i - 1)))
                && d.lexicon.in(WordList.WORLD_WAR, withoutArticle(d.stemKey(i - 2)));
    }

    /**
     * أول after a military rank (MILITARY_RANK) names a grade of it (الفريق أول, ملازم أول, عريف أول): indefinite
     * after the rank, or before ركن (الفريق الأول الركن), where "the first team" would agree with الفريق.
     */
    private static boolean militaryRank(Doc d, int i) {
        String rank = d.at(i - 1).type == TokenType.ARABIC ? withoutArticle(d.stemKey(i - 1)) : "";
        if (rank.startsWith("و") && rank.length() > 4) {
            rank = withoutArticle(rank.substring(1));  // والعريف أول
        }
        String next = d.at(i + 1).type == TokenType.ARABIC ? withoutArticle(d.stemKey(i + 1)) : "";
        String after = d.at(i + 1).type == TokenType.ARABIC ? Normalizer.key(d.surface(i + 1)) : "";
        boolean firstOf = after.startsWith("ال") || after.endsWith("اته") || after.endsWith("اتها");  // أول تدريباته
        return d.lexicon.in(WordList.MILITARY_RANK, rank) && ("اول".equals(Normalizer.key(d.surface(i))) && !firstOf
                || "ركن".equals(next));
    }

    /** الشارع, بشارع, الثانوية: a noun that a number after it names (NUMBERED_NAME), behind a glued preposition. */
    private static boolean numberedName(Doc d, int p) {
        String key = d.at(p).type == TokenType.ARABIC ? withoutArticle(d.stemKey(p)) : "";
        return d.lexicon.in(WordList.NUMBERED_NAME, key) || key.length() > 4 && "بلوف".indexOf(key.charAt(0)) >= 0
                && d.lexicon.in(WordList.NUMBERED_NAME, withoutArticle(key.substring(1)));
    }

    private static String withoutArticle(String key) {
        return key.startsWith("ال") && key.length() > 3 ? key.substring(2) : key;
    }

    /** An indefinite noun the lexicon lists, as it stands (مشارك, صفحة). */
    private static boolean listedNoun(Token t) {
        return t.type == TokenType.ARABIC && !t.definite && t.stemOffset == 0 && t.entry != null
                && t.entry.singular != null && !t.entry.dual;
    }
}
