package io.newsflow.extraction.figures;

/**
 * Arabic ordinals that say how or when rather than which: an accusative rank after a verb of placing (وحل ثالثا),
 * and ثانية meaning "again" (عاد إليه ثانية, مرة ثانية), which ranks no noun.
 */
final class AdverbialOrdinals {

    private AdverbialOrdinals() {
    }

    /**
     * A verb of placing (PLACING) within the six words before i (quotes not counted), in the same clause; within
     * two for أولا, which after a longer clause is mostly "first of all" (جاء بتوفيق من الله أولا).
     */
    static boolean placed(Doc d, int i) {
        int words = d.at(i).entry.ordinal == 1 ? 2 : 6;
        for (int j = i - 1; words > 0 && j >= 0; j--) {
            Token t = d.at(j);
            words -= t.isWord() ? 1 : 0;
            if (t.type == TokenType.SYMBOL && ".،,:؛;!?؟".indexOf(t.sym) >= 0 || d.at(j + 1).lineBefore) {
                return false;
            }
            String key = t.type == TokenType.ARABIC ? Normalizer.key(d.surface(j)) : "";
            if (d.lexicon.in(WordList.PLACING, key) || key.length() > 2 && (key.startsWith("و") || key.startsWith("ف"))
                    && d.lexicon.in(WordList.PLACING, key.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Indefinite ثانية at i with no feminine noun before it to agree with, a noun ending in ة, a plural in ات or a
     * broken plural in ا or ى (سفينة ثانية, غارات ثانية, خلايا ثانية): after a verb, a pronoun or a masculine noun it
     * means "again" (توجه ثانية, نظر إليّ ثانية, العودة إلى المنزل ثانية), after مرة too (مرة ثانية), and after
     * كل it is a second of time; with و glued on it goes on a list (واحدة ... وثانية) and stays a rank.
     */
    static boolean again(Doc d, int i, OrdinalRecognizer.Ordinal ord) {
        Token t = d.at(i);
        Token before = d.at(i - 1);
        if (ord.value() != 2 || ord.last() != i || t.definite || t.conjunction || t.preposition
                || !"ثانيه".equals(Normalizer.key(d.surface(i))) || before.type != TokenType.ARABIC) {
            return false;
        }
        String word = Normalizer.key(d.surface(i - 1));
        if (placed(d, i)) {
            return false;  // عشرة فرق حلت ثانية: a place after a verb of placing
        }
        return word.equals("مره") || !(word.endsWith("ه") || word.endsWith("ات") || word.endsWith("ا")
                || Normalizer.clean(d.text, before.start, before.end).endsWith("ى"));
    }
}
