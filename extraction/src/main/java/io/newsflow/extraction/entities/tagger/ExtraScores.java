package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.text.Tokens;

/**
 * Scores from another model added to a tagger's label scores before Viterbi decoding, so that a second model's
 * opinion combines with the tagger's under the same well-formed BIO decoding (see
 * {@link SequenceTagger#withExtraScores}).
 */
@FunctionalInterface
public interface ExtraScores {

    /**
     * Writes a score per label for each token of {@code [from, to)}: {@code out[(i - from) * Labels.COUNT + label]}.
     */
    void score(Tokens tokens, int from, int to, float[] out);

    /**
     * The tagger asks for these scores only for a sentence where some token's margin (its best sequence's score
     * over the best that labels the token otherwise) is under this; infinite: for every sentence.
     */
    default float belowMargin() {
        return Float.POSITIVE_INFINITY;
    }
}
