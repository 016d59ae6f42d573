package io.newsflow.extraction.entities.eval;

import io.newsflow.extraction.entities.AnnotationConvention;
import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.entities.tagger.ChunkScore;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.PerceptronTrainer;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Scores entity recognition on a CoNLL file with conlleval's semantics (exact span and type), per type and overall.
 * The backend of {@code news-pipeline eval ner --conll FILE --lang ar|en}.
 */
public final class ConllEvaluation {

    private ConllEvaluation() {
    }

    /**
     * The recognizer scored under the annotation convention of the language's corpus, and what the product
     * convention (the recognizer's default output) scores on the same file. They differ only in Arabic.
     */
    public record Result(AnnotationConvention convention, ChunkScore score, ChunkScore productScore) {

        /** F1 under the corpus's convention, the number the floors are stated in. */
        public double f1() {
            return score.f1();
        }

        /** The corpus convention's conlleval table, then the product convention's overall row if it differs. */
        public String report() {
            String table = "annotation convention " + convention.name().toLowerCase(Locale.ROOT) + "\n"
                    + score.report();
            if (convention == AnnotationConvention.PRODUCT) {
                return table;
            }
            return table + String.format(Locale.ROOT, "product convention (the recognizer's default, which also "
                            + "names institutions such as وزارة الداخلية that %s does not annotate):%n%s",
                    convention.name().toLowerCase(Locale.ROOT), productScore.report());
        }
    }

    /** The convention a language's CoNLL data is annotated in: ANERcorp for Arabic, the product's otherwise. */
    public static AnnotationConvention corpusConvention(String language) {
        return "ar".equals(language) ? AnnotationConvention.ANERCORP : AnnotationConvention.PRODUCT;
    }

    /** Scores the shipped models (tagger, gazetteers and rules) on {@code conll}; print {@code report()}. */
    public static Result evaluate(Path conll, String language) throws IOException {
        return evaluateBoth(EntityRecognizer.load(), conll, language);
    }

    /** Scores {@code recognizer}'s models under the corpus convention and under the product convention. */
    public static Result evaluateBoth(EntityRecognizer recognizer, Path conll, String language) throws IOException {
        List<ConllCorpus.Sentence> sentences = ConllCorpus.read(conll);
        AnnotationConvention convention = corpusConvention(language);
        ChunkScore score = evaluate(recognizer.withConvention(convention), sentences, language);
        ChunkScore product = convention == AnnotationConvention.PRODUCT ? score
                : evaluate(recognizer.withConvention(AnnotationConvention.PRODUCT), sentences, language);
        return new Result(convention, score, product);
    }

    /**
     * Scores {@code recognizer} under its own convention. The CoNLL files have no document boundaries, so
     * consecutive sentences are tagged in documents of {@link PerceptronTrainer#DOCUMENT_SENTENCES}, as in training.
     */
    public static ChunkScore evaluate(EntityRecognizer recognizer, List<ConllCorpus.Sentence> sentences,
                                      String language) {
        return score(sentences, tokens -> recognizer.labels(tokens, language));
    }

    /** Scores a tagger alone, without gazetteer overrides or rules: what training reports per epoch. */
    public static ChunkScore scoreTagger(SequenceTagger tagger, List<ConllCorpus.Sentence> sentences) {
        return score(sentences, tokens -> {
            int[] labels = new int[tokens.size()];
            SequenceTagger.Scratch scratch = new SequenceTagger.Scratch();
            for (int s = 0; s < tokens.sentenceCount(); s++) {
                int from = tokens.sentenceStart(s);
                int to = tokens.sentenceEnd(s);
                int[] sentence = new int[to - from];
                tagger.tag(tokens, from, to, scratch, sentence, new float[to - from]);
                System.arraycopy(sentence, 0, labels, from, to - from);
            }
            return labels;
        });
    }

    private static ChunkScore score(List<ConllCorpus.Sentence> sentences, Function<Tokens, int[]> labeller) {
        ChunkScore score = new ChunkScore();
        for (int d = 0; d < sentences.size(); d += PerceptronTrainer.DOCUMENT_SENTENCES) {
            List<ConllCorpus.Sentence> document =
                    sentences.subList(d, Math.min(sentences.size(), d + PerceptronTrainer.DOCUMENT_SENTENCES));
            Tokens tokens = Tokens.ofSentences(document.stream().map(ConllCorpus.Sentence::words).toList());
            int[] labels = labeller.apply(tokens);
            int offset = 0;
            for (ConllCorpus.Sentence sentence : document) {
                int n = sentence.words().size();
                score.add(sentence.labels(), Arrays.copyOfRange(labels, offset, offset + n));
                offset += n;
            }
        }
        return score;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ConllEvaluation FILE.conll ar|en");
            System.exit(2);
        }
        System.out.print(evaluate(Path.of(args[0]), args[1]).report());
    }
}
