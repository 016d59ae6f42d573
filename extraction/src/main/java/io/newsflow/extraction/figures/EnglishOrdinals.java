package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.util.Locale;

/**
 * English ordinals: ordinal words and phrases (third, the twenty-first, three trillionth) and digits with a suffix
 * (21st, 4TH). The unit is the noun ranked, after the ordinal (third quarter). English capitalises names that open
 * with an ordinal (First National Bank) and uses "first" as an adverb, so those are told apart here.
 */
final class EnglishOrdinals {

    private EnglishOrdinals() {
    }

    /**
     * An English ordinal phrase (the twenty-first) or digits with an ordinal suffix (21st), a name (First National
     * Bank), or null.
     */
    static Proposal at(Doc d, NumberPhrase n) {
        if (n.ordinal() && (inName(d, n) || d.lexicon.in(WordList.TERM_AFTER, d.surface(n.last() + 1))
                || hyphened(d, n.last()) && (d.lexicon.in(WordList.TERM_AFTER, d.surface(n.last() + 2))
                || d.lexicon.in(WordList.TERM_JOINED, d.surface(n.last() + 2))))) {
            return new Proposal.NotAFigure(n.last());
        }
        if (n.ordinal()) {
            Candidate c = ordinal(d, n.first(), n.last(), n.value());
            return c.unit() == null && adverb(d, n) ? new Proposal.NotAFigure(n.last()) : c;
        }
        Token digits = d.at(n.last());
        boolean whole = n.plainDigits() || n.first() == n.last() && digits.type == TokenType.DIGITS && !digits.decimal;
        return whole && d.ordinalSuffixAfter(n.last())  // 21st, 1,000th
                ? ordinal(d, n.first(), n.last() + 1, n.value()) : null;
    }

    /**
     * "first" with no noun after it and no determiner before it, before a participle or punctuation, is an adverb
     * (Brazil first requested, moving first., "First, ..."), no rank; "the first", "its first" stand for a noun, and
     * "first qtr", "FIRST FOUR MONTHS" rank what the words after them name.
     */
    private static boolean adverb(Doc d, NumberPhrase n) {
        int p = n.first() - 1;
        int next = n.last() + 1;
        boolean possessive = d.surface(p).equalsIgnoreCase("s") && d.at(p - 1).type == TokenType.SYMBOL
                && d.attached(p - 1);
        String first = d.surface(n.first());
        String after = d.surface(next);
        String before = d.surface(p);
        boolean verbOrPause = d.at(next).type == TokenType.SYMBOL && !d.isDash(next) || d.at(next) == Doc.NONE
                || d.at(next).type == TokenType.LATIN && after.length() > 4 && after.endsWith("ed")
                && !after.equals(after.toUpperCase(Locale.ROOT))
                || d.at(p).type == TokenType.LATIN && before.length() > 4 && before.endsWith("ed");  // caused first by
        return n.words() && n.first() == n.last() && n.value() == 1 && d.at(n.first()).entry.ordinal == 1
                && !first.equals(first.toUpperCase(Locale.ROOT)) && verbOrPause && !possessive
                && !d.lexicon.in(WordList.DETERMINER, d.surface(p)) && d.at(p).type != TokenType.DIGITS;
    }

    /** largest, biggest, lowest: a superlative after an ordinal ranks the whole noun phrase after it. */
    private static boolean superlative(Doc d, int k) {
        String s = d.surface(k).toLowerCase(Locale.ROOT);
        return s.endsWith("est") && EnglishNouns.plainWord(d, k) && EnglishNouns.isAdjective(d, k);
    }

    /**
     * The last noun of the compound a noun opens (the fifth largest coffee producer ranks producers, Belgium's
     * second largest commercial bank ranks banks): up to three more plain words that are no adverb, participle or unit.
     */
    private static Nouns.Noun compoundEnd(Doc d, Nouns.Noun noun) {
        int j = noun.last();
        while (j < noun.last() + 3 && EnglishNouns.plainWord(d, j + 1) && !d.at(j + 1).lineBefore
                && (d.at(j + 1).entry == null || d.at(j + 1).entry.unit == null && !d.at(j + 1).entry.namesMonth())) {
            String w = d.surface(j + 1).toLowerCase(Locale.ROOT);
            if (w.length() < 3 || w.endsWith("ly") || w.endsWith("ed") || w.endsWith("ing") || w.equals("ever")
                    || EnglishNouns.isPlural(d, j + 1)) {  // the third largest oil company plans to
                break;
            }
            j++;
        }
        return j == noun.last() ? noun : new Nouns.Noun(EnglishNouns.singular(d.lexicon,
                d.surface(j).toLowerCase(Locale.ROOT)), j);
    }

    /**
     * A capitalised ordinal word in mid-sentence before a capitalised word the lexicon does not know begins a name:
     * First National Bank, Second Avenue. In a line written in capitals every word looks so, and none is read so.
     */
    private static boolean inName(Doc d, NumberPhrase n) {
        int i = n.first();
        Token t = d.at(i);
        if (d.english && n.words() && i == n.last() && t.capitalized && (d.isSymbol(i - 1, '<') && d.attached(i - 1)
                || companyAhead(d, i + 1))) {
            return true;  // <Second National Bank of ...>, First Boston Corp said: a company's name
        }
        Token next = d.at(n.last() + 1);
        if (!d.english || !n.words() || i != n.last() || !t.capitalized || d.sentenceStart(i)
                || next.type != TokenType.LATIN || !next.capitalized || next.entry != null || next.lineBefore) {
            return false;
        }
        String word = d.surface(i);
        String following = d.surface(n.last() + 1);
        return !word.equals(word.toUpperCase(Locale.ROOT))
                && !following.equals(following.toUpperCase(Locale.ROOT));
    }

    /**
     * Capitalised words in the paragraph from k that a company's closing word ends within four words (Boston Corp,
     * National Bank); in a line written in capitals only a word that names a company by itself (Corp, Inc) does.
     */
    private static boolean companyAhead(Doc d, int k) {
        boolean capitals = EnglishNouns.allCaps(d, k - 1);
        for (int j = k; j < k + 4; j++) {
            Token w = d.at(j);
            if (w.type != TokenType.LATIN || !w.capitalized || w.paragraphBefore || w.isNumberWord()) {
                return false;
            }
            if (d.lexicon.in(WordList.COMPANY_END, d.surface(j))
                    || !capitals && d.lexicon.in(WordList.COMPANY_WORD, d.surface(j))) {
                return true;
            }
        }
        return false;
    }

    /** first-half, third-largest: a hyphen joins the ordinal to the word it ranks by. */
    private static boolean hyphened(Doc d, int last) {
        return d.isDash(last + 1) && d.attached(last) && d.attached(last + 1);
    }

    private static Candidate ordinal(Doc d, int first, int last, double value) {
        String unit = null;
        int ranked = d.english && hyphened(d, last) ? last + 2 : last + 1;
        if (d.surface(ranked).equalsIgnoreCase("ever") && hyphened(d, last)) {
            ranked++;  // the first-ever ratings rank ratings
        }
        if (d.english && superlative(d, ranked)) {
            int k = d.surface(ranked + 1).indexOf('.') > 0 && EnglishNouns.allCaps(d, ranked + 1) ? ranked + 2
                    : ranked + 1;
            Nouns.Noun noun = EnglishNouns.after(d, k, false);  // the third largest U.K. bank
            return Candidate.of(FigureKind.ORDINAL, first, last, value, noun == null ? null
                    : compoundEnd(d, noun).singular(), null);
        }
        if (d.english) {
            Nouns.Noun noun = EnglishNouns.after(d, ranked, false);
            unit = noun == null ? null : noun.singular();
            Word next = d.at(ranked).entry;
            if (unit == null && next != null && next.unit != null) {
                unit = next.unit;  // the second week
            }
        }
        return Candidate.of(FigureKind.ORDINAL, first, last, value, unit, null);
    }
}
