package io.newsflow.extraction.figures;

/**
 * The English counted noun after a number, past the adjectives and modifying nouns before it, and its singular by
 * the spelling rules and the irregular plurals of {@code en-plurals.tsv}.
 */
final class EnglishNouns {

    private EnglishNouns() {
    }

    /** The English counted noun at token i, skipping up to two adjectives (three international experts). */
    static Nouns.Noun after(Doc d, int i) {
        return after(d, i, true);
    }

    /**
     * The English noun at token i past up to two adjectives; {@code compound}: also past a noun that modifies a
     * plural after it (two city hospitals), which an ordinal does not do (first quarter earnings ranks
     * quarters).
     */
    static Nouns.Noun after(Doc d, int i, boolean compound) {
        int k = i;
        for (int skipped = 0; skipped < 4; skipped++) {
            Token t = d.at(k);
            Token next = d.at(k + 1);
            if (skipped == 2 && compound && d.lexicon.in(WordList.PLURAL_MODIFIER, d.surface(k)) && isPlural(d, k + 1)
                    && isNounLike(d, k + 1)) {
                k++;  // four major Japanese securities houses: two adjectives, then a plural that modifies
                continue;
            }
            boolean mayModify = skipped < 2 && (isNounLike(d, k + 1) || countryAdjective(d, k + 1))
                    && (!t.has(Role.STOP) || t.has(Role.ADJECTIVE))
                    && t.type == TokenType.LATIN && !t.capitalized && !t.isNumberWord() && (t.entry == null
                    || t.entry.unit == null && !t.entry.namesCurrency() && !t.entry.namesMonth());
            if (skipped < 2 && adverbOfModifier(d, k)) {
                k++;  // 600,000 newly issued shares, two wholly owned units
                continue;
            }
            if (skipped < 2 && isAdjective(d, k) && (d.surface(k + 1).equalsIgnoreCase("and")
                    || d.surface(k + 1).equalsIgnoreCase("or")) && isAdjective(d, k + 2) && isNounLike(d, k + 3)) {
                k += 3;  // 800 large and small firms
                continue;
            }
            if (skipped < 2 && hyphenatedModifier(d, k)) {
                k += 3;  // 34 licensed deposit-taking companies
                continue;
            }
            boolean modifier = !isPlural(d, k) || d.lexicon.in(WordList.PLURAL_MODIFIER, d.surface(k));
            if (mayModify && (isAdjective(d, k) || participleInIng(d, i, k) || compound && modifier && isPlural(d, k + 1))
                    || skipped < 2 && t.entry != null && t.entry.country != null && t.type == TokenType.LATIN) {
                k++;  // three international experts, two more city hospitals, 17 U.S. banks
                continue;
            }
            if (acronymPlural(d, k)) {
                String acronym = d.surface(k);
                return new Nouns.Noun(acronym.substring(0, acronym.length() - 1), k);  // 254 registered DTCs
            }
            if (t.type != TokenType.LATIN || t.capitalized && !allCaps(d, k) || t.has(Role.STOP) || t.isNumberWord()
                    || t.has(Role.ADJECTIVE)
                    || t.entry != null && (t.entry.namesMonth() || t.entry.unit != null || t.entry.namesCurrency()
                    || t.has(Role.PERCENT) || t.entry.dayOffset != 0 || t.entry.weekday > 0)) {
                return null;
            }
            String s = d.surface(k).toLowerCase();
            if (s.endsWith("ly") || s.endsWith("ed") || s.endsWith("ing") || s.length() < 3 || compound
                    && next.type == TokenType.LATIN && next.entry != null && next.entry.unit != null && !isPlural(d, k)) {
                return null;  // "two fiscal years" counts years, which the duration rule reads
            }
            return new Nouns.Noun(singular(d.lexicon, s), k);
        }
        return null;
    }

    /**
     * "an 18 member panel", "the 200,000 share buyback", "a 1.8 mln share common stock offering": after a determiner,
     * a number above one with a singular noun and another word after it is a compound modifier of that word, and the
     * singular is what it counts; null otherwise.
     */
    static Nouns.Noun compound(Doc d, NumberPhrase n, int k) {
        Token digits = d.at(n.first());
        if (n.value() <= 1 || n.value() % 1 != 0 || n.plainDigits() && digits.integerDigits >= 4 && !digits.grouped
                || !d.lexicon.in(WordList.DETERMINER, d.surface(n.first() - 1).toLowerCase())) {
            return null;  // an 8087 chip: four digits without a comma name a model
        }
        Nouns.Noun noun = after(d, k, false);
        if (noun == null || isPlural(d, noun.last()) || d.lexicon.in(WordList.ZERO_PLURAL, noun.singular())
                || d.lexicon.in(WordList.BALANCE, noun.singular())  // the 40 mln deficit: money the story names
                || !noun.singular().equals(d.surface(noun.last()).toLowerCase())) {
            return null;
        }
        int head = noun.last() + 1;
        boolean adverb = d.surface(head).toLowerCase().endsWith("ly");  // a 16.5 mln debit previously
        return !adverb && (plainWord(d, head) && !d.at(head).lineBefore && d.at(head).entry == null
                || isAdjective(d, head) && plainWord(d, head + 1)) ? noun : null;
    }

    /**
     * The group after the partitive "of" at k: a determiner, then a plural noun (30 of the employees), also past a
     * possessive (five mln of the company's common shares) or a number (six out of the 14 places), or a number
     * alone (two of five commissioners), or null.
     */
    static Nouns.Noun group(Doc d, int k) {
        Token size = d.at(k + 1);
        if ((size.type == TokenType.DIGITS || size.isNumberWord()) && !size.paragraphBefore) {
            Nouns.Noun noun = after(d, k + 2);  // two of five commissioners: the group is counted too
            return noun != null && isPlural(d, noun.last()) ? noun : null;
        }
        if (!d.lexicon.in(WordList.GROUP_DETERMINER, d.surface(k + 1))) {
            return null;
        }
        int g = k + 2;
        if (d.isSymbol(g + 1, '\'') && "s".equalsIgnoreCase(d.surface(g + 2)) && d.attached(g) && d.attached(g + 1)) {
            g += 3;  // the company's
        }
        boolean counted = d.at(g).type == TokenType.DIGITS || d.at(g).isNumberWord();
        Nouns.Noun noun = after(d, counted ? g + 1 : g);
        return noun != null && isPlural(d, noun.last()) ? noun : null;
    }

    /** "of a percentage point" after a fraction at k: the measure the fraction is a part of, or null. */
    static Nouns.Noun measureOf(Doc d, int k) {
        String article = d.surface(k + 1).toLowerCase();
        if (!"of".equalsIgnoreCase(d.surface(k)) || !(article.equals("a") || article.equals("an"))) {
            return null;
        }
        Nouns.Noun noun = after(d, k + 2, false);
        return noun != null && d.lexicon.in(WordList.MEASURE_NOUN, noun.singular()) ? noun : null;
    }

    /**
     * "a record one by", "a strong one.", "the previous one,": "one" at {@code one} after a determiner and a modifier,
     * with nothing after it that it could count (punctuation or a function word), stands for a noun named before.
     */
    static boolean pronounOne(Doc d, int one) {
        Token after = d.at(one + 1);
        Token modifier = d.at(one - 1);
        boolean nothingCounted = after == Doc.NONE || after.lineBefore
                || after.type == TokenType.SYMBOL && ".,;:)\"'".indexOf(after.sym) >= 0
                || after.type == TokenType.LATIN && after.has(Role.STOP) && !after.isNumberWord()
                && !after.has(Role.PERCENT) && after.entry.unit == null && !after.entry.namesCurrency();  // a real one pct
        return nothingCounted && modifier.type == TokenType.LATIN && !modifier.isNumberWord() && !modifier.has(Role.STOP)
                && !modifier.capitalized && d.lexicon.in(WordList.DETERMINER, d.surface(one - 2).toLowerCase());
    }

    /** An English adjective by its role or its ending (international, metric, consecutive, famous). */
    static boolean isAdjective(Doc d, int k) {
        Token t = d.at(k);
        if (t.type != TokenType.LATIN || t.isNumberWord()) {
            return false;  // five, twelve: another number, not an adjective by its ending
        }
        if (t.has(Role.ADJECTIVE)) {
            return true;
        }
        String s = d.surface(k).toLowerCase();
        return s.endsWith("al") || s.endsWith("ic") || s.endsWith("ive") || s.endsWith("ous") || s.endsWith("ful")
                || s.endsWith("less") || s.endsWith("ary") || s.endsWith("ian") || s.endsWith("ese")
                || s.length() > 5 && s.endsWith("ed")  // participles: licensed banks, injured workers
                || s.length() > 6 && (s.endsWith("able") || s.endsWith("ible"))  // available seat miles
                || s.length() > 5 && s.endsWith("est") && !s.endsWith("rest") && !s.endsWith("vest")
                && !s.endsWith("test") && !s.endsWith("uest");  // the two biggest insurers; not interest, harvest
    }

    /**
     * Canadian, Japanese: a country's adjective, which may follow another modifier (two major Canadian banks), also
     * at the start of a line, since a wire wraps its lines anywhere.
     */
    private static boolean countryAdjective(Doc d, int k) {
        Token t = d.at(k);
        return t.type == TokenType.LATIN && t.entry != null && t.entry.country != null && !t.paragraphBefore;
    }

    /**
     * leading, operating, remaining: a present participle before a noun-like word modifies it; right after "one" and
     * before an adjective it is the verb of a pronoun (one bearing annual interest, one backing new talks).
     */
    private static boolean participleInIng(Doc d, int first, int k) {
        String s = d.surface(k).toLowerCase();
        Token before = d.at(first - 1);
        boolean afterOne = k == first && before.isNumberWord() && before.entry.number == 1;
        return s.length() > 5 && s.endsWith("ing") && !(afterOne && isAdjective(d, k + 1));
    }

    /** deposit-taking, state-owned, two-year before a noun: words joined by hyphens modify the noun after them. */
    private static boolean hyphenatedModifier(Doc d, int k) {
        return plainWord(d, k) && d.isDash(k + 1) && d.attached(k) && d.attached(k + 1)
                && d.at(k + 2).type == TokenType.LATIN && !d.at(k + 2).isNumberWord() && isNounLike(d, k + 3)
                && !d.at(k + 3).lineBefore;
    }

    /** An adverb in -ly before a participle or an adjective that modifies the noun after it (newly issued shares). */
    private static boolean adverbOfModifier(Doc d, int k) {
        String s = d.surface(k).toLowerCase();
        if (!plainWord(d, k) || s.length() < 5 || !s.endsWith("ly") || !plainWord(d, k + 1)) {
            return false;
        }
        String m = d.surface(k + 1).toLowerCase();
        String n = d.surface(k + 2).toLowerCase();
        return (isAdjective(d, k + 1) || m.length() > 3 && m.endsWith("ed") || irregularParticiple(m))
                && isNounLike(d, k + 2)
                && !n.endsWith("ly") && !n.endsWith("ed");
    }

    /** paid, held, grown, built, written: past participles that do not end in -ed, known by an adverb before them. */
    private static boolean irregularParticiple(String m) {
        return m.length() > 3 && (m.endsWith("id") || m.endsWith("ld") || m.endsWith("wn") || m.endsWith("lt")
                || m.endsWith("en"));
    }

    /** A plain lower-case English word: Latin letters, not capitalized, no function word and no number word. */
    static boolean plainWord(Doc d, int k) {
        Token t = d.at(k);
        return t.type == TokenType.LATIN && !t.capitalized && !t.has(Role.STOP) && !t.isNumberWord();
    }

    /** DTCs, MPs: capitals with a plural s, an abbreviation counted like a noun. */
    private static boolean acronymPlural(Doc d, int k) {
        if (d.at(k).type != TokenType.LATIN) {
            return false;
        }
        String s = d.surface(k);
        int n = s.length();
        if (n < 3 || s.charAt(n - 1) != 's') {
            return false;
        }
        for (int c = 0; c < n - 1; c++) {
            if (!Character.isUpperCase(s.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    /** A lower-case word that may head a noun phrase: not a function word, a number, a name or a sign. */
    private static boolean isNounLike(Doc d, int k) {
        Token t = d.at(k);
        return t.type == TokenType.LATIN && !t.has(Role.STOP) && (!t.capitalized || acronymPlural(d, k))
                && !t.isNumberWord() && !t.has(Role.PERCENT);
    }

    /** An English word spelled as a plural (newspapers, children), by its ending or the irregular plurals. */
    static boolean isPlural(Doc d, int k) {
        if (d.at(k).type != TokenType.LATIN) {
            return false;
        }
        String s = d.surface(k).toLowerCase();
        return d.lexicon.englishSingular(s) != null || s.length() > 3 && s.endsWith("s") && !s.endsWith("ss")
                && !s.endsWith("us") && !s.endsWith("is");
    }

    static boolean allCaps(Doc d, int k) {
        String s = d.surface(k);
        return s.length() > 1 && s.equals(s.toUpperCase());
    }

    static String singular(Lexicon lexicon, String s) {
        String irregular = lexicon.englishSingular(s);
        if (irregular != null) {
            return irregular;
        }
        int n = s.length();
        if (n > 5 && s.endsWith("men") && !s.endsWith("imen") && !s.endsWith("omen")) {
            return s.substring(0, n - 2) + "an";  // seamen, chairmen; not specimen, abdomen
        }
        if (n > 4 && s.endsWith("ies")) {
            return s.substring(0, n - 3) + "y";
        }
        if (n > 4 && (s.endsWith("sses") || s.endsWith("shes") || s.endsWith("ches") || s.endsWith("xes")
                || s.endsWith("zes"))) {
            return s.substring(0, n - 2);
        }
        if (n > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            return s.substring(0, n - 1);
        }
        return s;
    }
}
