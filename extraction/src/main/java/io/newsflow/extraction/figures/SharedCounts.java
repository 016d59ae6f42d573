package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic numbers whose counted noun comes after a second number that shares it: in قتل 16 وجرح أكثر من 30 من
 * الثوار the first number leaves its noun to the clause joined to it, as the second's partitive names it.
 */
final class SharedCounts {

    private SharedCounts() {
    }

    /**
     * A number with a word joined by و right after it (a verb or verbal noun: وجرح, وإصابة), then past an estimate
     * word or a comparative with من a second number that a partitive closes (30 من الثوار, 11 آخرين من الحوثيين),
     * or, after a word of wounding, a noun (مقتل 9 وإصابة 39 راكبا): a count of that noun.
     */
    static Candidate ahead(Doc d, NumberPhrase n, int k) {
        if (!d.arabic || n.value() < 1 || n.value() % 1 != 0 || d.at(n.first()).definite
                || !CarriedCounts.coordinated(d, k) || d.at(k).lineBefore) {
            return null;
        }
        int j = k + 1;
        if (d.at(j).type == TokenType.ARABIC && d.lexicon.in(WordList.ESTIMATE_BEFORE, d.stemKey(j))) {
            j++;  // وإصابة نحو 400
        } else if (d.at(j).type == TokenType.ARABIC && d.lexicon.in(WordList.MORE_THAN, d.stemKey(j))
                && d.at(j + 1).has(Role.FROM) && d.at(j + 1).stemOffset == 0) {
            j += 2;  // وجرح أكثر من 30
        }
        NumberPhrase second = NumberRecognizer.at(d, j, false);
        if (second == null || second.first() != j || !d.sameSentence(n.first(), second.last())) {
            return null;
        }
        int after = second.last() + 1;
        int of = d.at(after).isWord() && d.lexicon.in(WordList.OTHERS, d.stemKey(after)) ? after + 1 : after;
        Candidate shared = CountRecognizer.partitive(d, second, of);
        if (shared == null && of == after && CarriedCounts.wounding(d, k)) {
            Candidate count = CountRecognizer.after(d, second, after);
            shared = count != null && count.kind() == FigureKind.COUNT && count.last() >= after ? count : null;
        }
        return shared == null || shared.unit() == null ? null
                : Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, shared.unit(), null, n.first(), n.last());
    }

    /**
     * أربعة مدنيين قتلوا، واحد في كشمير, في مقابلتين تلفزيونيتين، واحدة في تلفزيون: a number right after the comma
     * that closes a count's clause, smaller than the count and followed by a preposition, shares the count out and
     * counts its noun. The count ends at most six tokens before the comma, with only words between.
     */
    static Candidate shareOut(Doc d, NumberPhrase n, int k, Candidate lastCount) {
        int comma = n.first() - 1;
        if (!d.arabic || lastCount == null || lastCount.value() == null || lastCount.unit() == null || n.value() < 1
                || n.value() % 1 != 0 || n.value() >= lastCount.value() || comma - lastCount.last() > 6
                || !d.isComma(comma) || !d.sameSentence(lastCount.last(), n.first())) {
            return null;
        }
        for (int i = lastCount.last() + 1; i < comma; i++) {
            if (d.at(i).type != TokenType.ARABIC || d.at(i).isNumberWord()) {
                return null;
            }
        }
        Token t = d.at(k);
        boolean preposition = t.isWord() && t.stemOffset == 0 && (t.has(Role.IN) || t.has(Role.TO))
                || CarriedCounts.gluedPreposition(d, k);
        return preposition ? Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, lastCount.unit(), null, n.first(),
                n.last()) : null;
    }
}
