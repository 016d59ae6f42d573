package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Counts: a number with the noun it counts, normalised to the singular ({@link Nouns}): after the number (40
 * متهماً, تسع دول, three international experts), before it (دولة واحدة), or before a definite number (الأيام
 * الأربعة, where a unit noun makes a duration or quantity); and Arabic duals, which count two by themselves
 * (يومين, دولتين).
 */
final class CountRecognizer {

    private CountRecognizer() {
    }

    /** The number phrase n with the noun it counts, or null when no noun goes with it. */
    static Candidate after(Doc d, NumberPhrase n, int k) {
        Candidate count = null;
        if (d.arabic) {
            count = arabic(d, n, k);
        } else if (d.english) {
            int p = d.isDash(n.first() - 1) && d.attached(n.first() - 2) ? n.first() - 2 : n.first() - 1;
            if ("for".equalsIgnoreCase(d.surface(p)) && (p < n.first() - 1 || d.at(p - 1).isNumberWord())) {
                return null;  // a two-for-one stock split, two for one, a one-for-five issue: a ratio counts nothing
            }
            Nouns.Noun noun = EnglishNouns.after(d, k);
            if (noun != null && n.value() > 1 && !countsAsPlural(d, noun.last())
                    && !(d.isDash(noun.last() - 1) && d.attached(noun.last() - 1))) {
                // more than one takes a plural: a singular after it modifies the noun counted (three retail banking
                // branches), or the number is no count of it (unit two went on line); a measure stays singular
                // before what it measures (a two percentage point rise)
                Nouns.Noun head = pluralHead(d, noun.last());
                noun = head == null && d.lexicon.in(WordList.MEASURE_NOUN, noun.singular())
                        && d.at(noun.last() + 1).type == TokenType.LATIN ? noun : head;
            }
            if (noun != null && n.value() == 1 && (noun.singular().equals(d.surface(noun.last()).toLowerCase())
                    || d.lexicon.in(WordList.PLURAL_MODIFIER, d.surface(noun.last())))
                    && !d.lexicon.in(WordList.MEASURE_NOUN, noun.singular()) && compoundHead(d, noun.last() + 1)) {
                // one new aircraft programme, one strike price, one sales tax: a noun closing the phrase (before
                // punctuation or a function word) is what one counts
                noun = new Nouns.Noun(EnglishNouns.singular(d.lexicon, d.surface(noun.last() + 1).toLowerCase()),
                        noun.last() + 1);
            }
            if (noun == null && n.value() > 1 && n.value() % 1 == 0 && d.isDash(k) && d.attached(k - 1)
                    && d.attached(k)) {
                noun = joinedNoun(d, k + 1);
            }
            if (noun == null && n.value() > 1 && n.value() % 1 == 0) {
                noun = pastName(d, k);
            }
            noun = noun == null && n.value() < 1 ? EnglishNouns.measureOf(d, k) : noun;  // a quarter of a point
            if (noun != null && n.value() < 1 && !d.lexicon.in(WordList.MEASURE_NOUN, noun.singular())) {
                noun = null;  // the 0.889 divisor: a value below one counts no whole thing, where 1/2 point measures
            }
            count = noun == null ? null
                    : Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, noun.singular(), null, n.first(),
                    noun.last());
        }
        return count != null ? count : partitive(d, n, k);
    }

    /**
     * A singular English noun at k that ends the noun phrase before it, punctuation or a function word after it: a
     * noun, not a verb, since verbs of the past (-ed), the present (-s) and adverbs (-ly) are left out.
     */
    private static boolean compoundHead(Doc d, int k) {
        Token t = d.at(k);
        String s = d.surface(k).toLowerCase();
        Token after = d.at(k + 1);
        return EnglishNouns.plainWord(d, k) && !t.lineBefore && (t.entry == null || t.entry.unit == null
                && !t.entry.namesCurrency() && !t.entry.namesMonth() && t.entry.dayOffset == 0 && t.entry.weekday == 0)
                && s.length() > 2 && !s.endsWith("ed") && !s.endsWith("ly") && !s.endsWith("ing")
                && !EnglishNouns.isPlural(d, k) && !EnglishNouns.isAdjective(d, k) && !d.isDash(k - 1)
                && (after.type == TokenType.SYMBOL || after.type == TokenType.LATIN && after.has(Role.STOP))
                && !after.lineBefore;
    }

    /**
     * The noun a hyphen joins to a count, singular as English writes it there (the 559-member assembly, a 500-point
     * fall), or after "odd" the plural it approximates (the 400-odd assets).
     */
    private static Nouns.Noun joinedNoun(Doc d, int k) {
        if ("odd".equalsIgnoreCase(d.surface(k)) && !d.attached(k)) {
            Nouns.Noun noun = EnglishNouns.after(d, k + 1);
            return noun != null && countsAsPlural(d, noun.last()) ? noun : null;
        }
        Nouns.Noun noun = EnglishNouns.after(d, k, false);
        return noun != null && noun.last() == k && !countsAsPlural(d, k) ? noun : null;
    }

    /**
     * The plural head a singular English noun at k modifies, a few words on (three retail banking branches, seven
     * hotel and resort properties, two asset-backed deals), or null when no plural follows before a function word.
     */
    private static Nouns.Noun pluralHead(Doc d, int k) {
        for (int j = k + 1; j <= k + 4; j++) {
            Token t = d.at(j);
            if (d.isDash(j) && d.attached(j - 1) && d.attached(j) || d.isAndWord(j)) {
                continue;
            }
            if (t.type != TokenType.LATIN || t.paragraphBefore || t.isNumberWord()
                    || t.capitalized && !EnglishNouns.allCaps(d, j)
                    && !d.at(j - 1).capitalized || t.has(Role.STOP) && !t.has(Role.ADJECTIVE)) {
                return null;
            }
            if (EnglishNouns.isPlural(d, j)) {
                return new Nouns.Noun(EnglishNouns.singular(d.lexicon, d.surface(j).toLowerCase()), j);
            }
        }
        return null;
    }

    /**
     * The plural noun after a name that modifies it, up to three capitalised words in mixed case: eight European
     * Community countries, two Reagan administration officials; null when none follows.
     */
    private static Nouns.Noun pastName(Doc d, int k) {
        int j = k;
        while (j < k + 3 && d.at(j).type == TokenType.LATIN && d.at(j).capitalized && !EnglishNouns.allCaps(d, j)
                && !d.at(j).paragraphBefore && !d.at(j).isNumberWord() && d.at(j).entry == null) {
            j++;
        }
        if (j == k || d.at(j).paragraphBefore) {
            return null;
        }
        Nouns.Noun noun = EnglishNouns.after(d, j);
        return noun != null && EnglishNouns.isPlural(d, noun.last()) ? noun : pluralHead(d, j - 1);
    }

    /** A singular English noun that also counts more than one (three aircraft, 200 head of cattle). */
    static boolean countsAsPlural(Doc d, int k) {
        String s = d.surface(k).toLowerCase();
        return EnglishNouns.isPlural(d, k) || !EnglishNouns.singular(d.lexicon, s).equals(s)
                || d.lexicon.in(WordList.ZERO_PLURAL, s);
    }

    /** 30 of the employees, ثلاثة من الجنود: the number counts members of the group named after it. */
    private static Candidate partitive(Doc d, NumberPhrase n, int k) {
        if (n.value() < 2 || n.value() % 1 != 0 || n.ordinal()) {
            return null;
        }
        Nouns.Noun group = Nouns.partitive(d, k);
        if (group == null) {
            return null;
        }
        int last = group.last();
        for (int j = k + 1; j < group.last(); j++) {
            if (d.at(j).type == TokenType.DIGITS || d.at(j).isNumberWord()) {
                last = n.last();  // six out of the 14 places: the group is a figure of its own
            }
        }
        return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, group.singular(), null, n.first(), last);
    }

    private static Candidate arabic(Doc d, NumberPhrase n, int k) {
        Candidate count = Candidate.of(FigureKind.COUNT, n);
        if (n.words() && n.first() == n.last() && (n.value() == 1 || n.value() == 2)) {
            // one and two follow their noun (دولة واحدة) or take it from a group (اثنان من الوزراء); a word after
            // واحد begins something else (في آن واحد ظل)
            Candidate members = partitive(d, n, k);
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

    /**
     * A noun that a year is not followed by in its own right: "1987 sales" and "2015 budget" are years, "1987
     * people" is a count.
     */
    static boolean nounFollows(Doc d, NumberPhrase n) {
        int k = n.last() + 1;
        if (d.arabic) {
            Token t = d.at(k);
            Word w = t.entry != null && t.stemOffset == 0 ? t.entry
                    : t.type == TokenType.ARABIC && !t.definite && !t.preposition
                    ? Nouns.listedAccusative(d, Normalizer.clean(d.text, t.start, t.end)) : null;  // 1959 فرعا
            return t.type == TokenType.ARABIC && w != null && w.singular != null && !t.definite && !w.dual
                    && w.unit == null;
        }
        if (d.english) {
            Nouns.Noun noun = EnglishNouns.after(d, k);
            return noun != null && !d.at(k).has(Role.ADJECTIVE) && d.lexicon.in(WordList.COUNTABLE, noun.singular());
        }
        return false;
    }

    /**
     * Arabic nouns that count by themselves: a dual is two of its noun or unit (يومين, دولتين, شهرين, دولارين), and
     * with a fraction after it a dual or a unit in the singular says how many and a part (ساعتين ونصف = 2.5 hours,
     * سنة ونصف = 1.5 years).
     */
    static Candidate byItself(Doc d, int i) {
        Token t = d.at(i);
        Word w = t.entry;
        if (!d.arabic || w == null || w.dual && (d.lexicon.in(WordList.DUAL_NAMES, d.stemKey(i))
                || d.at(i - 1).type == TokenType.ARABIC && d.lexicon.in(WordList.NAME_BEFORE, d.stemKey(i - 1)))) {
            return null;  // لطالبان is the movement; ابن حيان is a man, not two quarters
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
            return unit ? measure(w, 1 + part, i, last) : null;
        }
        Word singular = d.lexicon.get(w.singular);
        if (singular != null && singular.unit != null) {
            return measure(singular, 2 + part, i, last);
        }
        if (singular != null && singular.namesCurrency()) {
            return new Candidate(FigureKind.MONEY, i, last, 2 + part, null, null, null, null,
                    singular.currencyDefault, null, null, false, false);
        }
        return Candidate.of(FigureKind.COUNT, i, i, 2.0, w.singular, null);
    }

    /**
     * The dual of a feminine noun the lexicon does not list (التجربتين, فصيلتين), counted two when the story also
     * writes the noun in the singular or the plural (التجربة الثانية), which a name ending like a dual (بوتين) never
     * does; null otherwise.
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
        if (previous.endsWith("ين") || previous.endsWith("ان") || definite && Nouns.arabicDefinite(d, i - 1)) {
            return null;  // التجربتين الوديتين, الدولتين الخليجيتين: an adjective agreeing with the noun before it
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        String stem = bareStem(definite ? form : form.substring("بلك".indexOf(form.charAt(0)) >= 0 ? 1 : 0));
        stem = stem.substring(0, stem.length() - 3);
        Word adjective = d.lexicon.get(stem + "ة");
        if (stem.length() < 3 || adjective != null && adjective.country != null) {
            return null;  // الأمريكيتين: a nationality, an adjective
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

    private static Candidate measure(Word unit, double value, int first, int last) {
        String iso = unit.unitKind == FigureKind.DURATION ? DurationRecognizer.iso(value, unit.isoDesignator) : null;
        return Candidate.of(unit.unitKind, first, last, value, unit.unit, iso);
    }
}
