package io.newsflow.extraction.figures;

import java.util.Locale;
import java.util.Set;

/**
 * Number words that, in their place, stand for "some" or "single" rather than a figure ("one of them", "one trader
 * said", واحد من القادة, الموسم الواحد), and words that only look like numbers there (ألف the verb, zero coupon).
 * A number phrase is asked here after the labels and ordinals, before its kind is read from the words after it.
 */
final class VagueNumbers {

    /** How far past "one" the English rules look for the verb or the "another" that makes it no count. */
    private static final int ONE_REACH = 6;

    /** أحد and إحدى before a noun say "one of" (أحد أبويهم), unlike واحد, which follows what it counts. */
    private static final Set<String> ONE_OF = Set.of("أحد", "احد", "إحدى", "احدى", "إحدي");

    private VagueNumbers() {
    }

    /** The number phrase n when its sense here is no figure (consumed whole), or null when it is one. */
    static Proposal at(Doc d, NumberPhrase n) {
        if (d.arabic && n.words() && n.first() == n.last() && n.value() == 1000 && !d.at(n.first()).conjunction
                && "ألف".equals(Normalizer.clean(d.text, d.at(n.first()).start, d.at(n.first()).end))
                && d.at(n.last() + 1).type == TokenType.ARABIC && d.surface(n.last() + 1).startsWith("ال")
                && !d.at(n.last() + 1).isNumberWord()) {
            return new Proposal.NotAFigure(n.last());  // ألف الباحث كتابا: the verb "wrote", not a thousand
        }
        if (n.words() && n.first() == n.last() && n.value() == 0
                && d.lexicon.in(WordList.ZERO_NAMES, d.surface(n.last() + (d.isDash(n.last() + 1) ? 2 : 1)))) {
            return new Proposal.NotAFigure(n.last());  // zero coupon, zero-coupon
        }
        if (d.arabic && n.words() && n.first() == n.last() && n.value() == 0 && d.at(n.first()).definite
                && d.lexicon.in(WordList.ZERO_NAMES, d.stemKey(n.first() - 1)) && !d.at(n.last() + 1).has(Role.TO)) {
            return new Proposal.NotAFigure(n.last());  // ساعة الصفر; but من نقطة الصفر إلى 100 كلم is a range
        }
        if (!n.words() || n.first() != n.last() || n.value() != 1) {
            return null;
        }
        if (d.arabic) {
            Token one = d.at(n.first());
            Token after = d.at(n.last() + 1);
            int p = n.first() - 1;
            // لتر واحد من الزيت is one litre, but a word the lexicon does not list agrees only by its feminine
            // ending (طريقة واحدة من): تعد واحدة من, لا يزال واحد من, لواحدة من are "one of"
            boolean feminine = Normalizer.key(d.surface(n.first())).endsWith("ه");
            Word before = d.at(p).entry;
            boolean agrees = ArabicCounts.isNounBefore(d, p) && !one.preposition
                    && (before != null ? !Normalizer.key(d.surface(p)).endsWith("ه") || feminine
                    : feminine && Normalizer.key(d.surface(p)).endsWith("ه"));  // لإقامة واحد من: no agreement
            boolean oneOf = after.has(Role.FROM) && after.stemOffset == 0 && !one.conjunction && !agrees
                    || ofThem(d, n.last() + 1) && !agrees;  // واحدة منها كانت: one of them
            boolean atOnce = d.lexicon.in(WordList.AT_ONCE, d.stemKey(p)) && d.at(p - 1).has(Role.IN);
            String word = Normalizer.clean(d.text, one.start, one.end);
            if ((word.startsWith("و") || word.startsWith("ف")) && !word.substring(1).equals("احد")) {
                word = word.substring(1);  // وأحد, but not واحد ("one")
            }
            if (!one.definite && ONE_OF.contains(word)) {
                return new Proposal.NotAFigure(n.last());  // أحد أبويهم, إحدى الدول: "one of", not a figure
            }
            boolean each = d.lexicon.in(WordList.VAGUE_BEFORE, Normalizer.key(d.surface(n.first() - 1)));  // لكل واحد
            return one.definite || oneOf || each || atOnce || inName(d, p) || ArabicCounts.idleOne(d, n.first())
                    ? new Proposal.NotAFigure(n.last()) : null;
        }
        if (!d.english) {
            return null;
        }
        boolean some = d.lexicon.in(WordList.VAGUE_AFTER, d.surface(n.last() + 1))
                || d.lexicon.in(WordList.VAGUE_BEFORE, d.surface(n.first() - 1));
        boolean once = "at".equalsIgnoreCase(d.surface(n.first() - 1))
                && "time".equalsIgnoreCase(d.surface(n.last() + 1));  // at one time: formerly, or at once
        int dash = n.last() + 1;
        boolean manner = d.isDash(dash) && d.attached(n.last()) && d.attached(dash)
                && d.lexicon.in(WordList.ONE_COMPOUND, d.surface(dash + 1));  // a one-time payment, a one-way street
        return some || once || manner || speaker(d, n.first()) || oneToAnother(d, n.last())
                || EnglishNouns.pronounOne(d, n.first()) ? new Proposal.NotAFigure(n.last()) : null;
    }

    /** منهم, منها, منهما, منهن: "of them". */
    private static boolean ofThem(Doc d, int k) {
        String form = d.at(k).type == TokenType.ARABIC ? Normalizer.key(d.surface(k)) : "";
        return form.length() >= 4 && form.startsWith("منه") && (form.endsWith("م") || form.endsWith("ا")
                || form.endsWith("ن"));
    }

    /**
     * "One trader said", "said one official of the ministry": a speaker named by "one" is "a trader", not a count of
     * traders. The verb of saying comes within a few words after "one", with no punctuation between, or right
     * before it after a quotation (", said one official): "the company said one share ..." still counts, and so
     * does a share of those polled or a span of time ("one pct said", "one day after X said"), which no speaker
     * is; a currency may name the speaker's market (one dollar trader said).
     */
    private static boolean speaker(Doc d, int one) {
        Word measure = d.at(one + 1).entry;
        if (measure != null && (measure.has(Role.PERCENT) || measure.unit != null && !measure.namesCurrency())) {
            return false;
        }
        if (d.lexicon.in(WordList.SPEECH, d.surface(one - 1)) && d.at(one - 2).type == TokenType.SYMBOL) {
            return true;
        }
        for (int k = one + 1; k <= one + ONE_REACH && d.at(k).type == TokenType.LATIN && !d.at(k).paragraphBefore;
                k++) {
            if (d.lexicon.in(WordList.SPEECH, d.surface(k))) {
                return true;
            }
        }
        return false;
    }

    /** "from one business to another", "one way or the other": "one" sets a thing against the rest, not a count. */
    private static boolean oneToAnother(Doc d, int one) {
        for (int k = one + 1; k <= one + ONE_REACH && d.at(k).type == TokenType.LATIN; k++) {
            String w = d.surface(k).toLowerCase(Locale.ROOT);
            if ((w.equals("to") || w.equals("or")) && (d.surface(k + 1).equalsIgnoreCase("another")
                    || d.surface(k + 1).equalsIgnoreCase("the") && d.surface(k + 2).equalsIgnoreCase("other"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The noun at p, with a number word after it, follows a noun that a name follows (شركة أسرة واحدة, فرقة رجل
     * واحد): the words name the company or the band, and no count of families or men is meant.
     */
    private static boolean inName(Doc d, int p) {
        Token head = d.at(p - 1);
        return ArabicCounts.isNounBefore(d, p) && head.type == TokenType.ARABIC && !head.definite
                && d.lexicon.in(WordList.NAME_HEAD, d.stemKey(p - 1));
    }
}
