package io.newsflow.extraction.figures;

/**
 * The Arabic "first" where its forms are also other words: أول behind a glued preposition, and أولي with a final ya
 * (the ordinal أولى or the adjective "primary"). {@link OrdinalRecognizer} asks before it ranks anything.
 */
final class ArabicFirsts {

    private ArabicFirsts() {
    }

    /**
     * أولي with a final ya is mostly the adjective "primary, preliminary" (النموذج الأولي, فائض أولي, الطرح العام
     * الأولي); it is the ordinal أولى misspelt only after the feminine or plural noun that ordinal agrees with
     * (السيدة الأولي, الساعات الأولي).
     */
    static boolean primary(Doc d, int i) {
        Token t = d.at(i);
        String surface = Normalizer.clean(d.text, t.start, t.end);
        if (t.entry.ordinal != 1 || !surface.endsWith("\u064A") || !surface.contains("ول")) {
            return false;
        }
        Token before = d.at(i - 1);
        String noun = before.type == TokenType.ARABIC ? Normalizer.clean(d.text, before.start, before.end) : "";
        return !(noun.endsWith("\u0629") || noun.endsWith("\u0627\u062A"));
    }

    /**
     * بأول زيارة, لأول مدينة: "first" behind a glued preposition before the indefinite noun it ranks, where other
     * ordinals there read as names or idioms; not لأول مرة, لأول وهلة (FIRST_IDIOM: "for the first time"), أولا بأول
     * ("step by step"), nor باول without its hamza, mostly a name (كولن باول, بادن باول).
     */
    static boolean rankedAfterPreposition(Doc d, int i) {
        Token next = d.at(i + 1);
        return d.at(i).entry.ordinal == 1 && next.type == TokenType.ARABIC && !next.definite && !next.preposition
                && !next.isNumberWord() && !next.lineBefore && !d.lexicon.in(WordList.FIRST_IDIOM, d.stemKey(i + 1))
                && !d.at(i - 1).has(Role.ADVERBIAL) && !"باول".equals(Normalizer.clean(d.text, d.at(i).start,
                d.at(i).end));
    }
}
