package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Numbers whose counted noun the story has just given: "others" after a count (four others), and in Arabic a number
 * with "of them" (أربعة منهم) or joined to the count before it in a list (و24 مشاركاً من السعودية، واثنين من
 * البحرين). The resolver passes the last count it kept; each rule answers null where it does not apply.
 */
final class CarriedCounts {

    private CarriedCounts() {
    }

    /** A number before "others" (آخرون): a count of the last counted noun in the sentence, else a bare number. */
    static Candidate others(Doc d, NumberPhrase n, int k, Candidate lastCount) {
        if (d.wordsKnown && d.at(k).isWord() && d.lexicon.in(WordList.OTHERS, d.stemKey(k))) {
            // three banks ... four others, قتيلان وثلاثة آخرون: "others" counts the noun counted before
            if (lastCount != null && d.sameSentence(lastCount.last(), n.first())) {
                return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, carried(d, lastCount, n), null,
                        n.first(), k);
            }
            // اثنين آخرين من مقاتلي داعش: with no count before, a partitive after "others" names the group
            Candidate group = d.arabic ? CountRecognizer.partitive(d, n, k + 1) : null;
            String named = group != null ? group.unit() : d.arabic ? singularBeforeVerb(d, n.first() - 1) : null;
            return named != null ? Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, named, null, n.first(), k)
                    : Candidate.of(FigureKind.NUMBER, n);
        }
        return null;
    }

    /**
     * قتل مستوطن وجرح ثلاثة آخرين, مقتل شخص، وإصابة ثمانية آخرين, قتلت القوات مسلحا واعتقلت 16 آخرين: a verb or
     * verbal noun joined by و at p makes "others" count the noun the clause before named without a number: the
     * nearest listed singular or dual in the four words before p, past adjectives and words with a pronoun or a
     * preposition (لقي جندي بالجيش الليبي مصرعه وأصيب 15 آخرون), or an unlisted indefinite singular right before
     * p. Asked only when the sentence has counted nothing before (جنديين قتلا وأصيب أربعة آخرون counts the
     * soldiers). Null when p holds no such word, or a number or a line comes first (مصرع 11 وإصابة 30 آخرين).
     */
    private static String singularBeforeVerb(Doc d, int p) {
        if (!coordinated(d, p) || d.at(p).lineBefore) {
            return null;
        }
        for (int i = p - 1; i >= p - 4 && d.sameSentence(i, p); i--) {
            Token t = d.at(i);
            if (t.type == TokenType.DIGITS || t.isNumberWord() || d.at(i + 1).lineBefore) {
                return null;
            }
            String form = t.type == TokenType.ARABIC ? Normalizer.clean(d.text, t.start, t.end) : "";
            if (form.isEmpty() || t.definite || t.preposition || t.has(Role.STOP) || Nouns.nationality(d, t) != null
                    || form.endsWith("ه") || form.endsWith("ها") || form.endsWith("هم") || form.endsWith("هما")) {
                continue;
            }
            Word w = t.entry != null && t.stemOffset == 0 ? t.entry : Nouns.listedAccusative(d, form);
            String bare = withoutTanween(form);
            if (w != null && w.singular != null && (w.dual || Nouns.singularOfPlural(d, bare) == null)) {
                return w.singular;
            }
            // unlisted, a word in ي is mostly an adjective of relation (مسلحا إسلاميا), one in ا a verb in the
            // dual (شرطيين قتلا وأصيب ثلاثة آخرون)
            boolean noun = i == p - 1 && w == null && !bare.endsWith("ي") && !form.endsWith("ا");
            String singular = noun ? Nouns.arabicAfter(d, i, 1) : null;
            if (singular != null && Nouns.singularOfPlural(d, bare) == null
                    && Normalizer.key(singular).equals(Normalizer.key(bare))) {
                return singular;
            }
        }
        return null;
    }

    private static String withoutTanween(String form) {
        return form.endsWith("ا") && form.length() > 3 ? form.substring(0, form.length() - 1) : form;
    }

    /**
     * A number with "of them" before or after it: a count of the noun the sentence just counted. A part smaller
     * than that count and within eight tokens of it may carry a scale (60 ألفا من اللاجئين، منهم 40 ألفا) and,
     * after "of them" (also past an estimate: منهم أكثر من 50 ألفا), go on with a preposition (5011 مستفيدا منهم
     * 3281 باللغة الأوردية, 67 كلية منها 38 للبنين); further on, منها may take its part of a list named since.
     */
    static Candidate ofThem(Doc d, NumberPhrase n, int k, Candidate lastCount) {
        boolean part = lastCount != null && lastCount.value() != null && n.value() < lastCount.value()
                && n.first() - lastCount.last() <= 8;
        if (d.arabic && lastCount != null && lastCount.number() != null && (!n.hasScale() || part)
                && n.value() >= 1 && n.value() % 1 == 0 && d.sameSentence(lastCount.last(), n.first())
                && (ofThemWord(d, k) && !coordinated(d, n.first() - 1)
                || ofThemWord(d, pastEstimate(d, n.first() - 1)) && (endsClause(d, k) || coordinated(d, k)
                || part && (d.at(k).preposition || gluedPreposition(d, k))))) {
            // مقتل جنديين وجرح 31 آخرين ... أربعة منهم; 1071 حالة توفي منها 471: "of them" counts the noun just
            // counted; after a new clause's verb (7 عناصر من تنظيم داعش قتلوا وجرح أربعة منهم) "them" may be the
            // group the count was taken from, so the number stays bare
            return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, lastCount.unit(), null, n.first(),
                    n.last());
        }
        return null;
    }

    /**
     * An Arabic number listed after a count in the same sentence, before من, or joined by و with its clause ending
     * after it, or by و or a comma with the same glued preposition after both (منهم 3281 باللغة الأوردية، 922
     * باللغة الملاوية): the list leaves the noun understood.
     */
    static Candidate joined(Doc d, NumberPhrase n, int k, Candidate lastCount) {
        Candidate against = setAgainst(d, n, lastCount);
        if (against != null) {
            return against;
        }
        if (!d.arabic || lastCount == null || lastCount.number() == null
                || !d.sameSentence(lastCount.last(), n.first())) {
            return null;
        }
        boolean withAnd = "و".equals(d.surface(n.first() - 1)) || d.at(n.first()).conjunction;
        // before من only joined by و or within four tokens of the count: further on, مقتل 7 من المقاومة names a
        // group of its own and الدقيقة 90 من المباراة a minute
        boolean beforeFrom = d.at(k).has(Role.FROM) && d.at(k).stemOffset == 0 && d.at(k + 1).type != TokenType.DIGITS
                && !d.at(k + 1).isNumberWord() && (withAnd || n.first() - lastCount.last() <= 4);
        boolean afterComma = d.isComma(n.first() - 1);
        if (beforeFrom || (withAnd || afterComma) && !n.hasScale() && n.first() - lastCount.last() <= 10
                && (withAnd && (endsClause(d, k) || gluedPreposition(d, k)) || parallel(d, lastCount.last() + 1, k))
                || !n.hasScale() && (nextClause(d, lastCount.last(), joinedBy(d, n.first() - 1))
                || listedVerb(d, lastCount, n)) && endsClause(d, k)) {
            // و24 مشاركاً من السعودية، واثنين من البحرين; 24 لاعبا بينهم ثلاثة من; 111 جيبا نقلت إلى بنغلاديش
            // و51 إلى الهند; مقتل 14 متمردا وإصابة (نحو) 23., 260 مقاتلا قتلوا - منهم قادة - وأصيب أكثر من 400: a
            // number joined to a count just before it counts the same noun
            return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, carried(d, lastCount, n), null, n.first(),
                    n.last());
        }
        return null;
    }

    /**
     * The noun a count carries to the number n: its own, but the wounded where it counts the dead and a verb or
     * verbal noun of wounding stands in the three words before n (أوقع 30 قتيلا وأصاب 45, 12 قتيلا وإصابة 40).
     */
    private static String carried(Doc d, Candidate lastCount, NumberPhrase n) {
        if (d.arabic && "قتيل".equals(lastCount.unit())) {
            for (int i = n.first() - 1; i > lastCount.last() && i >= n.first() - 3; i--) {
                if (wounding(d, i)) {
                    return "جريح";
                }
            }
        }
        return lastCount.unit();
    }

    /** The word at i is a verb or verbal noun of wounding, with or without و glued to it (أصيب, وإصابة, وجرح). */
    static boolean wounding(Doc d, int i) {
        String key = Normalizer.key(d.surface(i));
        return d.at(i).type == TokenType.ARABIC && (d.lexicon.in(WordList.WOUNDING, key)
                || key.startsWith("و") && d.lexicon.in(WordList.WOUNDING, key.substring(1)));
    }

    /**
     * 13191 نقطة، مقابل 6490 للروسية, 120 مليون نسمة، مقارنة بـ40 مليونا: an Arabic bare number right after
     * "versus" (مقابل, مقارنة بـ) and within eight words of
     * a count in the same sentence is the other side of the comparison, so it counts the same noun; within a factor
     * of ten, as money and measures are carried (Ellipsis), so that a rank or a year set against it stays apart.
     */
    private static Candidate setAgainst(Doc d, NumberPhrase n, Candidate lastCount) {
        if (!d.arabic || lastCount == null || lastCount.number() == null || lastCount.value() == null
                || !comparedBefore(d, n.first() - 1) || n.first() - lastCount.last() > 8
                || !d.sameSentence(lastCount.last(), n.first())
                || n.hasScale() != lastCount.number().hasScale() || n.value() <= 0
                || n.value() < lastCount.value() / 10 || n.value() > lastCount.value() * 10) {
            return null;
        }
        return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, lastCount.unit(), null, n.first(), n.last());
    }

    /**
     * The word at p sets what follows against what came before: مقابل, or مقارنة or بالمقارنة with ب (apart or glued
     * to the number word) or مع.
     */
    private static boolean comparedBefore(Doc d, int p) {
        if (d.at(p).type != TokenType.ARABIC) {
            return false;
        }
        String key = Normalizer.key(d.surface(p));
        if (d.lexicon.in(WordList.COMPARED, key)) {
            return true;
        }
        if ((key.equals(COMPARED) || key.equals(BY_COMPARISON)) && d.at(p + 1).type == TokenType.ARABIC
                && d.text.charAt(d.at(p + 1).start) == 'ب') {
            return true;  // مقارنة بمليونين: ب glued to the number word
        }
        String compared = d.at(p - 1).type == TokenType.ARABIC ? Normalizer.key(d.surface(p - 1)) : "";
        return (key.equals(WITH_BA) || key.equals(WITH)) && (compared.equals(COMPARED)
                || compared.equals(BY_COMPARISON));
    }

    private static final String WITH_BA = Normalizer.key("ب");
    private static final String WITH = Normalizer.key("مع");
    private static final String COMPARED = Normalizer.key("مقارنة");
    private static final String BY_COMPARISON = Normalizer.key("بالمقارنة");

    /**
     * What follows an Arabic number at k leaves its noun understood: punctuation, a preposition of place or
     * direction (و51 إلى الهند), or a verb in the plural, past or present (و 8 غادروا المستشفيات, وإصابة 100
     * يعالجون); not ممن ("of those who").
     */
    private static boolean endsClause(Doc d, int k) {
        Token t = d.at(k);
        String form = t.type == TokenType.ARABIC ? Normalizer.key(d.surface(k)) : "";
        return t == Doc.NONE || t.type == TokenType.SYMBOL || t.stemOffset == 0 && (t.has(Role.IN) || t.has(Role.TO))
                || form.length() >= 5 && (form.endsWith("وا") || form.startsWith("ي") && form.endsWith("ون"));
    }

    /**
     * ارتفعت منها 82، انخفضت 57: the number follows a comma and a single verb right after the count, as the next
     * item of a list of counts each with its verb.
     */
    private static boolean listedVerb(Doc d, Candidate lastCount, NumberPhrase n) {
        int verb = n.first() - 1;
        Token t = d.at(verb);
        return n.first() - lastCount.last() == 3 && d.isComma(verb - 1)
                && t.type == TokenType.ARABIC && !t.definite && !t.preposition && !t.has(Role.STOP)
                && !t.isNumberWord() && !t.lineBefore && Normalizer.key(d.surface(verb)).endsWith(Normalizer.key("ت"));
    }

    /**
     * The words at a and b, each after a number, open the same kind of phrase: a preposition glued to a word
     * (22 هدفا مقابل 20 للنصر و17 للهلال, منها 18 للرجال و6 للنساء), so the second number repeats the first's noun.
     */
    private static boolean parallel(Doc d, int a, int b) {
        return gluedPreposition(d, a) && gluedPreposition(d, b) && d.text.charAt(d.at(a).start) == d.text.charAt(
                d.at(b).start);
    }

    /** A word with ب or ل glued to it: one the lexicon knows so, or one whose article follows (للهلال, باللغة). */
    static boolean gluedPreposition(Doc d, int p) {
        Token t = d.at(p);
        return t.type == TokenType.ARABIC && (t.preposition && t.stemOffset > 0 || Nouns.arabicDefinite(d, p)
                && "لب".indexOf(d.text.charAt(t.start)) >= 0);
    }

    /** "of them": من with a plural or feminine pronoun glued to it (منهم, منها, منهن). */
    private static boolean ofThemWord(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC) {
            return false;
        }
        String form = Normalizer.key(d.surface(p));
        return form.equals("منهم") || form.equals("منها") || form.equals("منهن");
    }

    /**
     * The coordinated word a number at p + 1 follows, past an estimate word (وإصابة نحو 23) or a comparative with
     * من (وأصيب أكثر من 400), or -1 when none.
     */
    private static int joinedBy(Doc d, int p) {
        int c = pastEstimate(d, p);
        return coordinated(d, c) ? c : -1;
    }

    /** The token before an estimate word (نحو) or a comparative with من (أكثر من) that ends at p, else p. */
    private static int pastEstimate(Doc d, int p) {
        if (d.at(p).type == TokenType.ARABIC && d.lexicon.in(WordList.ESTIMATE_BEFORE, d.stemKey(p))) {
            return p - 1;
        }
        if (d.at(p).has(Role.FROM) && d.at(p).stemOffset == 0 && d.at(p - 1).type == TokenType.ARABIC
                && d.lexicon.in(WordList.MORE_THAN, d.stemKey(p - 1))) {
            return p - 2;
        }
        return p;
    }

    /**
     * The coordinated word at c opens the clause after the count that ended at last: within twelve words, with
     * no number, line break or other coordinated word between (قتلوا - منهم قادة - وأصيب).
     */
    private static boolean nextClause(Doc d, int last, int c) {
        if (c <= last || c - last > 12) {
            return false;
        }
        for (int i = last + 1; i < c; i++) {
            Token t = d.at(i);
            if (t.type == TokenType.DIGITS || t.isNumberWord() || t.lineBefore || coordinated(d, i)) {
                return false;
            }
        }
        return !d.at(c).lineBefore;
    }

    /** A word with و glued to it, no number and no function word: وإصابة in مقتل 14 متمردا وإصابة 23. */
    static boolean coordinated(Doc d, int p) {
        Token t = d.at(p);
        String form = Normalizer.key(d.surface(p));
        return t.type == TokenType.ARABIC && !t.definite && form.length() >= 4 && form.startsWith("و")
                && !t.isNumberWord() && !t.has(Role.STOP) && !d.at(p - 1).has(Role.AND);
    }
}
