package io.newsflow.extraction.figures;

/**
 * What a recognizer finds at a token: a {@link Candidate} figure, or tokens that only look like a figure and are
 * consumed so that nothing else reads them (labels, Hijri years, clock times, names).
 */
sealed interface Proposal permits Candidate, Proposal.NotAFigure {

    /** The last token the proposal consumes. */
    int last();

    /** Tokens first..last look like a number but are none: G20, المادة 5, 1436هـ, الساعة 1100. */
    record NotAFigure(int last) implements Proposal {
    }
}
