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
        if (n.words() && n.first() == n.last() && (n.value() == 1 || n.value() == 2)) {
            // one and two follow their noun (دولة واحدة) or take it from a group (اثنان من الوزراء); a word after
            // واحد begins something else (في آن واحد ظل)
            Candidate members = CountRecognizer.partitive(d, n, k);
            return members != null ? members : before(d, count);
        }
        if (n.value() < 1) {
            return null;  // نصف سكان الأرض: a part of a whole, not a count of its noun
        }
        // a definite number follows its noun (الجنود الثلاثة), but a plural after one is counted (الثلاث مباريات)
        boolean definite = d.at(n.first()).definite;
        String noun = !definite ? Nouns.arabicAfter(d, k, n.value())
                : n.words() && n.value() >= 3 && n.value() <= 10 ? Nouns.indefinitePlural(d, k) : null;
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
        if (n.words() && d.at(n.first()).definite) {
            int p = OrdinalRecognizer.rankedNoun(d, n.first());  // past an adjective: الأحزاب السياسية العشرون
            p = p >= 0 ? p : n.first() - 1;
            noun = Nouns.arabicBefore(d, p);  // الأيام الأربعة: a definite number follows its noun
            if (noun != null && !Nouns.arabicDefinitePlural(d, p) && OrdinalRecognizer.pluralHead(d, p - 1)) {
                p--;  // قطاعات السوق الخمسة عشر: the number agrees with the plural the genitive completes
                noun = Nouns.singularOfPlural(d, Normalizer.clean(d.text, d.at(p).start, d.at(p).end));
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

    /** The Arabic noun just before a number word one or two (دولة واحدة), or null. */
    private static Candidate before(Doc d, Candidate count) {
        int p = count.first() - 1;
        if (isNisbaAdjective(d, p) && isNounBefore(d, p - 1) && !d.at(p - 1).has(Role.STOP)
                && (d.at(p - 1).entry != null || !Normalizer.clean(d.text, d.at(p - 1).start, d.at(p - 1).end)
                .startsWith("ي"))) {
            p--;  // نادٍ رياضي واحد, شركة مصرية واحدة: the number agrees with the noun the adjective describes
        }
        Token t = d.at(p);
        Word currency = t.entry;  // or a unit
        if (p == count.first() - 1 && currency != null && currency.currencyFamily != null && t.stemOffset == 0
                && !t.definite && !d.lexicon.isSubunit(currency.currencyFamily)) {
            // دولار واحد, ريالان اثنان: one of a currency is money
            return count.money(count.value(), currency.currencyDefault, currency.currencyFamily,
                    currency.currencyDefault != null, false, count.last()).spanning(p, count.last());
        }
        if (count.value() == 1 && p == count.first() - 1 && currency != null && currency.unit != null
                && (t.stemOffset == 0 || t.preposition) && !t.definite && !t.conjunction) {
            return measure(currency, 1, p, count.last());  // متر واحد, عام واحد, بساعة واحدة, ليوم واحد
        }
        if (!isNounBefore(d, p) || t.entry != null && (t.entry.singular == null || t.entry.unit != null)) {
            return null;
        }
        String noun = t.entry != null ? t.entry.singular : Normalizer.clean(d.text, t.start, t.end);
        String form = Normalizer.key(d.surface(p));
        if (count.value() == 2 && (t.entry == null || !t.entry.dual) && !form.endsWith("ان") && !form.endsWith("ين")) {
            return null;  // two agrees with a dual before it (دولتان اثنتان); تراجع اثنان is "two fell"
        }
        if (count.value() == 1 && t.entry != null && !t.entry.dual && t.stemOffset == 0 && form.endsWith("ه")
                && Normalizer.key(d.surface(count.last())).endsWith("ه") && !Normalizer.key(noun).equals(form)) {
            // واحدة agrees with a feminine singular: أسرة واحدة is one family, not one of the beds (أسرة is
            // also the plural of سرير)
            noun = Normalizer.clean(d.text, t.start, t.end);
        }
        return count.as(FigureKind.COUNT, noun, null, p, count.last());
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
