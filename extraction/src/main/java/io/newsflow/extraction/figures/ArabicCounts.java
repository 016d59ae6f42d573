package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic counted nouns around a number: after it (40 متهماً, تسع دول), before it (دولة واحدة, past a relational
 * adjective), or before a definite number (الأيام الأربعة, where a unit noun makes a duration or quantity).
 */
final class ArabicCounts {

    private ArabicCounts() {
    }

    /** The noun an Arabic number phrase n counts, read from token k (the one after it), or null. */
    static Candidate after(Doc d, NumberPhrase n, int k) {
        Candidate count = Candidate.of(FigureKind.COUNT, n);
        if (d.at(k).type == TokenType.ARABIC && d.lexicon.in(WordList.DEATH_MET, Normalizer.key(d.surface(k)))) {
            return count.as(FigureKind.COUNT, "شخص", null, n.first(), n.last());  // لقي 42 مصرعهم: 42 people died
        }
        if (n.words() && n.first() == n.last() && (n.value() == 1 || n.value() == 2)) {
            // one and two follow their noun (دولة واحدة) or take it from a group (اثنان من الوزراء); a word after
            // واحد begins something else (في آن واحد ظل)
            Candidate members = CountRecognizer.partitive(d, n, k);
            return members != null ? members : before(d, count);
        }
        if (n.value() < 1) {
            // نصف سكان الأرض: a part of a whole, not a count of its noun; but a point measures (ارتفع 0.4 نقطة)
            String measure = n.words() ? null : Nouns.arabicAfter(d, k, n.value());
            return measure != null && d.lexicon.in(WordList.MEASURE_NOUN, measure)
                    ? count.as(FigureKind.COUNT, measure, null, n.first(), k) : null;
        }
        // a definite number follows its noun (الجنود الثلاثة), but a plural after one is counted (الثلاث مباريات)
        // unless a definite plural before it is what it counts (المهربون الخمسة تهم القتل: the charges they face)
        boolean definite = d.at(n.first()).definite && !n.hasScale();  // المائة ألف سلة counts as مائة ألف سلة
        String noun = closedByScale(d, n, k) ? null : !definite ? Nouns.arabicAfter(d, k, n.value())
                : n.words() && n.value() >= 3 && n.value() <= 10 && !Nouns.arabicDefinitePlural(d, n.first() - 1)
                ? Nouns.indefinitePlural(d, k) : afterDefiniteAboveTen(d, n, k);
        Candidate definitePlural = definite && noun == null ? definitePluralAfter(d, n, k) : null;
        if (definitePlural != null) {
            return definitePlural;
        }
        if (noun != null && n.first() == n.last() && n.value() % 1 != 0 && DigitForms.dotBeforeThree(d, d.at(k - 1))) {
            // ٩٨.٢٧٨ مسافرا: no one counts a fraction of travellers, so the dot groups thousands
            return count.as(FigureKind.COUNT, noun, null, n.first(), k).valued(n.value() * 1000, k);
        }
        if (noun != null && movement(d, n, k, noun)) {
            return null;
        }
        if (noun != null) {
            return count.as(FigureKind.COUNT, ofStory(d, d.at(k).entry, noun), null, n.first(), k);
        }
        if (n.words() && d.at(n.first()).definite && !d.at(n.first()).conjunction) {
            // (not والعشر after a noun: a number joined by و starts an item of its own, مواسم الحج والعشر الأواخر)
            int p = RankedNouns.rankedNoun(d, n.first());  // past an adjective: الأحزاب السياسية العشرون
            p = p >= 0 ? p : n.first() - 1;
            noun = Nouns.arabicBefore(d, p);  // الأيام الأربعة: a definite number follows its noun
            if (noun != null && !Nouns.arabicDefinitePlural(d, p) && OrdinalRecognizer.pluralHead(d, p - 1)) {
                p--;  // قطاعات السوق الخمسة عشر: the number agrees with the plural the genitive completes
                Word head = d.at(p).entry;  // وشركات الطيران الثلاث: a listed head's singular, without its و
                noun = head != null && head.singular != null ? head.singular
                        : Nouns.singularOfPlural(d, Normalizer.clean(d.text, d.at(p).start, d.at(p).end));
            } else if (noun != null && !Nouns.arabicDefinitePlural(d, p) && Nouns.arabicDefinitePlural(d, p - 1)
                    && Normalizer.key(d.surface(p)).startsWith("ال") && !d.at(p).lineBefore) {
                // اللاعبين الأجانب الثلاثة: a word with the bare article after a definite plural describes it (not
                // one behind a preposition: القروض للأغراض الثلاثة)
                p--;
                noun = Nouns.arabicBefore(d, p);
            }
            if (noun == null && p == n.first() - 1 && n.value() >= 3 && n.value() <= 10 && !d.at(p).lineBefore) {
                noun = ownedPlural(d, p);  // أبنائه الستة, بمراحلها الثلاث: a plural its pronoun makes definite
            }
            if (noun == null) {
                return null;
            }
            Word unit = d.lexicon.get(noun);
            if (unit != null && unit.unit != null) {
                String iso = unit.unitKind == FigureKind.DURATION ? DurationRecognizer.iso(n.value(),
                        unit.isoDesignator) : null;
                return count.as(unit.unitKind, unit.unit, iso, p, n.last());
            }
            return count.as(FigureKind.COUNT, noun, null, p, n.last());
        }
        return null;
    }

    /**
     * The singular of a listed plural with a possessive pronoun glued on at p (أفلامه, ضيوفها), also behind و, ف and
     * a preposition (بفيالقه, ومساعديه); else null. The form without the clitics is tried first, since a sound
     * plural's construct is read by its ending alone (ومساعديه is no plural of ومساعد).
     */
    private static String ownedPlural(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC || t.entry != null && t.entry.singular == null) {
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        int clitics = 0;
        if (form.length() > 5 && "وف".indexOf(form.charAt(0)) >= 0) {
            clitics++;
        }
        if (form.length() > clitics + 5 && "بل".indexOf(form.charAt(clitics)) >= 0) {
            clitics++;
        }
        for (int c = clitics; c >= 0; c--) {
            String singular = Nouns.withoutPronoun(d, form.substring(c));
            if (singular != null) {
                return singular;
            }
        }
        return null;
    }

    /**
     * 82 مليونا, 38 مليارًا: after digits a scale in the accusative is the number's own tamyiz and ends it, where a
     * counted noun would have made it a genitive (82 مليون ريال); the word after it is not what it counts (82 مليونا
     * كضمانات, 55 مليارا تكاليف).
     */
    private static boolean closedByScale(Doc d, NumberPhrase n, int k) {
        Token scale = d.at(k - 1);
        return k == n.last() + 1 && n.first() < n.last() && d.at(n.first()).type == TokenType.DIGITS
                && scale.isNumberWord() && scale.entry.numClass == NumberClass.SCALE && scale.stemOffset == 0
                && !scale.conjunction && Normalizer.clean(d.text, scale.start, scale.end).endsWith("ا");
    }

    /**
     * الخمسين كتابا, المائة صفحة: a definite number above ten keeps its noun after it, in the accusative from eleven
     * to ninety-nine and in the singular after a hundred or a thousand; a plural before it is what it counts instead,
     * and a word with a pronoun is no noun it counts (القطاعات الخمسة عشر جميعها).
     */
    private static String afterDefiniteAboveTen(Doc d, NumberPhrase n, int k) {
        double rest = n.value() % 100;
        String form = Normalizer.key(d.surface(k));
        if (n.value() < 11 || n.value() % 1 != 0 || (rest >= 11 ? !form.endsWith("ا") || form.endsWith("ها") : rest != 0)
                || Nouns.arabicDefinitePlural(d, n.first() - 1)) {
            return null;
        }
        return Nouns.arabicAfter(d, k, n.value());
    }

    /**
     * الثلاثة الأشهر, الخمسة الأيام: a definite cardinal from three to ten before a definite plural the lexicon lists
     * counts it, as the plural before one does (الأشهر الثلاثة); an unlisted word there describes (العشر الأواخر).
     */
    private static Candidate definitePluralAfter(Doc d, NumberPhrase n, int k) {
        String stem = Nouns.definiteStem(d, k);
        Word plural = stem != null ? d.lexicon.get(stem) : null;
        if (!n.words() || n.value() < 3 || n.value() > 10 || plural == null || plural.singular == null || plural.dual
                || Normalizer.key(plural.singular).equals(Normalizer.key(stem)) || d.at(k).lineBefore
                || Nouns.arabicDefinitePlural(d, n.first() - 1) && !d.at(n.first()).preposition) {
            return null;  // المهربون الخمسة التهم: the number agrees with the plural before; للخمسة cannot
        }
        Candidate count = Candidate.of(FigureKind.COUNT, n);
        Word unit = d.lexicon.get(plural.singular);
        if (unit != null && unit.unit != null) {
            String iso = unit.unitKind == FigureKind.DURATION ? DurationRecognizer.iso(n.value(), unit.isoDesignator)
                    : null;
            return count.as(unit.unitKind, unit.unit, iso, n.first(), k);
        }
        return count.as(FigureKind.COUNT, plural.singular, null, n.first(), k);
    }

    /**
     * A singular noun of rise or fall after a level (51.4 ارتفاعا من القراءة السابقة, 49 انخفاضا عن الشهر الماضي)
     * says how the level moved; it counts nothing, where a count of rises would be whole and set against nothing.
     */
    private static boolean movement(Doc d, NumberPhrase n, int k, String noun) {
        String key = Normalizer.key(noun);
        String form = d.stemKey(k);
        if (!d.lexicon.in(WordList.CHANGE, key) || !(form.equals(key) || form.equals(key + "ا"))) {
            return false;
        }
        Token next = d.at(k + 1);
        return n.value() % 1 != 0 || next.stemOffset == 0 && (next.has(Role.FROM) || "عن".equals(d.stemKey(k + 1)));
    }

    /**
     * The singular of a broken plural shared by two nouns (فرق: فريق and فرقة) that the story names first in the
     * singular or dual (فرقتان ... و6 فرق).
     */
    private static String ofStory(Doc d, Word plural, String singular) {
        if (plural == null || plural.otherSingular == null || !singular.equals(plural.singular)) {
            return singular;
        }
        for (int j = 0; j < d.size(); j++) {
            Word w = d.at(j).entry;
            if (w != null && w != plural && (singular.equals(w.singular) || plural.otherSingular.equals(w.singular))) {
                return w.singular;
            }
        }
        return singular;
    }

    /** Token p is an Arabic word that a number word one or two after it can count (دولة واحدة, لتر واحد). */
    static boolean isNounBefore(Doc d, int p) {
        Token t = d.at(p);
        return t.type == TokenType.ARABIC && !t.definite && !Nouns.arabicDefinite(d, p)
                && !(t.conjunction && t.entry == null) && !t.has(Role.STOP)
                && (t.entry == null || t.entry.singular != null || t.entry.unit != null);
    }

    /**
     * واحدة at one after a masculine singular noun at p whose word before is an indefinite feminine singular
     * (سيارة إسعاف واحدة, طريقة تعليم واحدة): that word heads the construct and is what one counts.
     */
    private static boolean feminineHead(Doc d, int p, int one) {
        String form = Normalizer.key(d.surface(p));
        Token t = d.at(p);
        Token head = d.at(p - 1);
        if (t.type != TokenType.ARABIC || !isNounBefore(d, p) || !Normalizer.key(d.surface(one)).endsWith("ه")
                || form.endsWith("ه") || form.endsWith("ات")
                || t.entry != null && (t.entry.singular == null || !Normalizer.key(t.entry.singular).equals(form))
                || head.type != TokenType.ARABIC || !isNounBefore(d, p - 1) || head.conjunction || head.preposition) {
            return false;  // a plural may take a feminine singular's agreement: مفاوضات واحدة
        }
        String headForm = Normalizer.clean(d.text, head.start, head.end);
        return headForm.length() >= 3 && headForm.endsWith("ة");
    }

    /** The Arabic noun just before a number word one or two (دولة واحدة), or null. */
    private static Candidate before(Doc d, Candidate count) {
        int p = count.first() - 1;
        if (isNisbaAdjective(d, p) && isNounBefore(d, p - 1) && !d.at(p - 1).has(Role.STOP)
                && (d.at(p - 1).entry != null || !Normalizer.clean(d.text, d.at(p - 1).start, d.at(p - 1).end)
                .startsWith("ي"))) {
            p--;  // نادٍ رياضي واحد, شركة مصرية واحدة: the number agrees with the noun the adjective describes
        }
        for (int a = 0; a < 2 && count.value() == 2 && nisbaDual(d, p) && unlistedDual(d, p - 1); a++) {
            p--;  // عسكريين تركيين اثنين, مديرين تنفيذيين تايوانيين اثنين: past the adjectives in the dual
        }
        if (count.value() == 1 && p == count.first() - 1 && feminineHead(d, p, count.last())) {
            p--;  // طريقة تعليم واحدة: the feminine one agrees with the construct's head, not its genitive
        }
        Token t = d.at(p);
        if (Normalizer.key(d.surface(count.last())).endsWith("ا")) {
            return accusative(d, count, p);
        }
        Word currency = t.entry;  // or a unit
        if (p == count.first() - 1 && currency != null && currency.currencyFamily != null && t.stemOffset == 0
                && !t.definite && !d.lexicon.isSubunit(currency.currencyFamily)) {
            // دولار واحد, ريالان اثنان: one of a currency is money
            return count.money(count.value(), currency.currencyDefault, currency.currencyFamily,
                    currency.currencyDefault != null, false, count.last()).spanning(p, count.last());
        }
        if (count.value() == 1 && p >= count.first() - 2 && currency != null && currency.unit != null
                && (t.stemOffset == 0 || t.preposition) && !t.definite && !t.conjunction) {
            // متر واحد, عام واحد, بساعة واحدة, ليوم واحد; past the adjective: شهر شمسي واحد
            return measure(currency, 1, p, count.last());
        }
        if (!isNounBefore(d, p) || t.entry != null && (t.entry.singular == null || t.entry.unit != null)) {
            return null;
        }
        String noun = t.entry != null ? t.entry.singular : Normalizer.clean(d.text, t.start, t.end);
        if (t.entry == null && Nouns.behindPreposition(noun)) {
            noun = noun.substring(1);  // بمسرحية واحدة, لمشكلة واحدة: one of the noun the preposition governs
        } else if (t.entry == null && noun.length() >= 4 && (noun.charAt(0) == 'ب' || noun.charAt(0) == 'ل')
                && (listedNoun(d, noun.substring(1)) || StoryNouns.namedDefinite(d, noun.substring(1)))) {
            noun = noun.substring(1);  // بكلمة واحدة, لعملة واحدة: a noun the lexicon or the story writes without it
        }
        String form = Normalizer.key(d.surface(p));
        if (count.value() == 2 && (t.entry == null || !t.entry.dual) && !form.endsWith("ان") && !form.endsWith("ين")) {
            return null;  // two agrees with a dual before it (دولتان اثنتان); تراجع اثنان is "two fell"
        }
        if (count.value() == 2 && t.entry == null) {
            if (form.startsWith("ي") && form.endsWith("ان") && !form.endsWith("يان")
                    || form.length() == 5 && form.startsWith("ت") && form.endsWith("ين")) {
                return null;  // يمثلان اثنين is a verb in the dual; توطين اثنين a verbal noun تفعيل, no dual
            }
            // خيارين اثنين, روسيين اثنين: the singular without the dual's ending, its ت a ta marbuta where the
            // feminine اثنتين says the noun is feminine
            String stem = noun.substring(0, noun.length() - 2);
            boolean feminine = Normalizer.key(d.surface(count.last())).contains("ت");
            noun = feminine && stem.endsWith("ت") ? stem.substring(0, stem.length() - 1) + "ة" : stem;
        }
        if (count.value() == 1 && t.entry != null && !t.entry.dual && t.stemOffset == 0 && form.endsWith("ه")
                && Normalizer.key(d.surface(count.last())).endsWith("ه") && !Normalizer.key(noun).equals(form)) {
            // واحدة agrees with a feminine singular: أسرة واحدة is one family, not one of the beds (أسرة is
            // also the plural of سرير)
            noun = Normalizer.clean(d.text, t.start, t.end);
        }
        return count.as(FigureKind.COUNT, noun, null, p, count.last());
    }

    /**
     * "One" at i that counts nothing: after a noun of an idiom of unity (صفا واحدا, يدا واحدة: ONE_IDIOM, "as one";
     * على قلب رجل واحد, "of one heart"), or واحدا with no noun in the accusative before it and no percent after it
     * (كان واحدا, ليس واحدا).
     */
    static boolean idleOne(Doc d, int i) {
        Token before = d.at(i - 1);
        String form = before.type == TokenType.ARABIC ? Normalizer.key(d.surface(i - 1)) : "";
        String stem = form.endsWith("ا") && form.length() > 2 ? form.substring(0, form.length() - 1) : form;
        // ضرب عصفورين بحجر واحد: an idiom's noun behind a glued ب the lexicon does not list apart
        boolean glued = before.entry == null && form.startsWith("ب")
                && d.lexicon.in(WordList.ONE_IDIOM, form.substring(1));
        if (glued || !before.definite && !before.conjunction && !before.preposition
                && (d.lexicon.in(WordList.ONE_IDIOM, stem)
                || Normalizer.key(d.surface(i - 2)).equals("قلب")
                        && Normalizer.key(d.surface(i - 3)).equals(Normalizer.key("على")))) {
            return true;
        }
        Token after = d.at(i + 1);
        Token hundred = d.at(i + 2);
        boolean percent = after.has(Role.PERCENT) || after.has(Role.IN) && hundred.isNumberWord()
                && hundred.entry.number == 100;  // واحدا بالمئة, واحدا في المئة
        return Normalizer.key(d.surface(i)).endsWith("ا") && !percent && (stem.equals(form) || before.definite
                || before.conjunction || before.preposition || before.has(Role.STOP));
    }

    /**
     * واحدا, one in the accusative, agrees with a noun in the accusative before it (مصدرا واحدا, يوما واحدا is a
     * day); after a verb or a word in another case (قد يكون واحدا, كان حزنهم واحدا) it counts nothing.
     */
    private static Candidate accusative(Doc d, Candidate count, int p) {
        Token t = d.at(p);
        String form = t.type == TokenType.ARABIC ? Normalizer.clean(d.text, t.start, t.end) : "";
        if (t.definite || t.conjunction || t.preposition || form.length() < 3 || !form.endsWith("ا")
                || t.has(Role.STOP)) {
            return null;
        }
        String stem = form.substring(0, form.length() - 1);
        Word bare = d.lexicon.get(stem);
        if (bare != null && bare.unit != null) {
            return measure(bare, 1, p, count.last());
        }
        if (bare != null && (bare.singular == null || bare.dual)) {
            return null;
        }
        return count.as(FigureKind.COUNT, bare != null ? bare.singular : stem, null, p, count.last());
    }

    private static boolean listedNoun(Doc d, String form) {
        Word w = d.lexicon.get(form);
        return w != null && w.singular != null;
    }

    /** An indefinite Arabic word the lexicon does not list, in the form of a dual (خيارين, مواطنان). */
    private static boolean unlistedDual(Doc d, int p) {
        Token t = d.at(p);
        String form = t.type == TokenType.ARABIC ? Normalizer.key(d.surface(p)) : "";
        return t.entry == null && !t.definite && !t.conjunction && !t.preposition && form.length() >= 5
                && (form.endsWith("ين") || form.endsWith("ان"));
    }

    /** A relational adjective in the dual (تركيين, مصريان), which a number after it agrees through to its noun. */
    private static boolean nisbaDual(Doc d, int p) {
        String form = Normalizer.key(d.surface(p));
        return unlistedDual(d, p) && (form.endsWith("يين") || form.endsWith("يان"));
    }

    /** An indefinite relational adjective (رياضي, مصرية): a word ending in ي or ية that names no counted noun. */
    private static boolean isNisbaAdjective(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC || t.definite || t.conjunction || t.preposition
                || t.entry != null && (t.entry.singular != null || t.entry.country == null)) {
            return false;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        return form.length() >= 4 && (form.endsWith("ي") || form.endsWith("ية"));
    }

    static Candidate measure(Word unit, double value, int first, int last) {
        String iso = unit.unitKind == FigureKind.DURATION ? DurationRecognizer.iso(value, unit.isoDesignator) : null;
        return Candidate.of(unit.unitKind, first, last, value, unit.unit, iso);
    }
}
