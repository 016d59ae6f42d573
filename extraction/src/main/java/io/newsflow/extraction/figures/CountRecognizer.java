package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Counts: a number with the noun it counts, normalised to the singular: after the number (three international
 * experts, 40 متهماً), or the group of a partitive (30 of the employees, ثلاثة من الجنود). The English nouns are read
 * here; the Arabic ones, which also come before the number and count by themselves in the dual, in {@link
 * ArabicCounts} and {@link ArabicDuals}.
 */
final class CountRecognizer {

    private CountRecognizer() {
    }

    /** The number phrase n with the noun it counts, or null when no noun goes with it. */
    static Candidate after(Doc d, NumberPhrase n, int k) {
        Candidate count = d.arabic ? ArabicCounts.after(d, n, k) : d.english ? english(d, n, k) : null;
        return count != null ? count : partitive(d, n, k);
    }

    private static Candidate english(Doc d, NumberPhrase n, int k) {
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
        return noun == null ? null
                : Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, noun.singular(), null, n.first(),
                noun.last());
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
    static Candidate partitive(Doc d, NumberPhrase n, int k) {
        if (n.value() < 2 || n.value() % 1 != 0 || n.ordinal()) {
            return null;
        }
        int of = atLeast(d, k) ? k + 2 : k;  // 19 على الأقل من مقاتلي: the group after the hedge
        Nouns.Noun group = Partitives.group(d, of);
        if (group == null) {
            return null;
        }
        int last = group.last();
        for (int j = of + 1; j < group.last(); j++) {
            if (d.at(j).type == TokenType.DIGITS || d.at(j).isNumberWord()) {
                last = n.last();  // six out of the 14 places: the group is a figure of its own
            }
        }
        return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, group.singular(), null, n.first(), last);
    }

    private static boolean atLeast(Doc d, int k) {
        return d.arabic && "علي".equals(Normalizer.key(d.surface(k)))
                && "الاقل".equals(Normalizer.key(d.surface(k + 1)));
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
            // 2100 فلسطيني counts people, but 2006 ألمانيا is the year of a country's name
            return t.type == TokenType.ARABIC && !t.definite && (w != null && w.singular != null && !w.dual
                    && w.unit == null || d.text.charAt(t.end - 1) != 'ا' && Nouns.nationality(d, t) != null);
        }
        if (d.english) {
            Nouns.Noun noun = EnglishNouns.after(d, k);
            return noun != null && !d.at(k).has(Role.ADJECTIVE) && d.lexicon.in(WordList.COUNTABLE, noun.singular());
        }
        return false;
    }
}
