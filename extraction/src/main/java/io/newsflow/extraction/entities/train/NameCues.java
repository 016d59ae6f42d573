package io.newsflow.extraction.entities.train;

import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How often unlabeled news uses a word where names stand, by patterns that hold in any news text and need no
 * annotation: right after a person title, skipping further titles and (in Arabic) the adjectives with the article
 * between them ({@code الرئيس الأمريكي باراك}, {@code President Barack}, only capitalized words in English); the
 * word after that one (the surname, or the verb after a one-word name); beside {@code بن}/{@code ابن}/{@code bin}
 * in a name chain ({@code محمد بن سلمان}); and right after an organization head noun ({@code شركة أرامكو}). A
 * word's cue is the share of its occurrences in each pattern, on a log scale (see {@link Lexicon#cueLevel}): a
 * name the training text never showed, but which the news introduces with titles a thousand times, is likely a
 * person, whatever the tagger's clusters say.
 */
public final class NameCues {

    /** Occurrences in a pattern below which a word gets no cue: one sighting is chance. */
    private static final int MIN_SIGHTINGS = 2;
    /** Tokens after a title searched for the name, past further titles and article-adjectives. */
    private static final int TITLE_REACH = 3;

    private static final long BIN = FoldedHash.hash("بن");
    private static final long IBN = FoldedHash.hash("ابن");
    private static final long BIN_LATIN = FoldedHash.hash("bin");

    private NameCues() {
    }

    /**
     * Counts the patterns over the documents of {@code corpora} (files as {@link CorpusReader} reads them) and
     * returns, per folded word hash, its packed cue levels; words with no cue are absent.
     */
    public static LongIntMap learn(String language, Gazetteer gazetteer, Iterable<Path> corpora, PrintStream log)
            throws IOException {
        long started = System.nanoTime();
        boolean arabic = language.equals("ar");
        LongIntMap total = new LongIntMap(1 << 18);
        LongIntMap[] sightings = new LongIntMap[Lexicon.CUES];
        for (int c = 0; c < sightings.length; c++) {
            sightings[c] = new LongIntMap(1 << 14);
        }
        int documents = 0;
        for (Path corpus : corpora) {
            documents += CorpusReader.forEach(corpus, language, Integer.MAX_VALUE, text -> {
                Tokens tokens = Tokenizer.tokenize(text);
                for (int s = 0; s < tokens.sentenceCount(); s++) {
                    count(tokens, tokens.sentenceStart(s), tokens.sentenceEnd(s), arabic, gazetteer, total,
                            sightings);
                }
            });
        }
        LongIntMap cues = new LongIntMap(1 << 14);
        for (int c = 0; c < sightings.length; c++) {
            int cue = c;
            sightings[c].forEach((word, seen) -> {
                if (seen >= MIN_SIGHTINGS) {
                    int level = Lexicon.cueLevel(seen, total.get(word, seen));
                    cues.put(word, cues.get(word, 0) | level << (Lexicon.CUE_BITS * cue));
                }
            });
        }
        log.printf(Locale.ROOT, "name cues: %d documents, %d words with a cue (%.0f s)%n", documents, cues.size(),
                (System.nanoTime() - started) / 1e9);
        return cues;
    }

    private static void count(Tokens tokens, int from, int to, boolean arabic, Gazetteer gazetteer,
                              LongIntMap total, LongIntMap[] sightings) {
        String text = tokens.text();
        for (int i = from; i < to; i++) {
            long word = FoldedHash.hash(text, tokens.start(i), tokens.end(i));
            increment(total, word);
            int roles = gazetteer.roles(tokens, i, arabic);
            if ((roles & Gazetteer.PERSON_TITLE) != 0) {
                int name = nameAfterTitle(tokens, i + 1, Math.min(to, i + 1 + TITLE_REACH), arabic, gazetteer);
                if (name >= 0) {
                    increment(sightings[Lexicon.CUE_AFTER_TITLE], hash(tokens, name));
                    if (name + 1 < to && (arabic || capitalized(tokens, name + 1))) {
                        increment(sightings[Lexicon.CUE_SECOND_NAME], hash(tokens, name + 1));
                    }
                }
            }
            if ((roles & Gazetteer.ORGANIZATION_HEAD) != 0 && i + 1 < to && (arabic || capitalized(tokens, i + 1))) {
                increment(sightings[Lexicon.CUE_AFTER_HEAD], hash(tokens, i + 1));
            }
            if ((word == BIN || word == IBN || word == BIN_LATIN) && i > from && i + 1 < to) {
                increment(sightings[Lexicon.CUE_NAME_CHAIN], hash(tokens, i - 1));
                increment(sightings[Lexicon.CUE_NAME_CHAIN], hash(tokens, i + 1));
            }
        }
    }

    /** The first token in {@code [from, to)} that is not a title or an article-adjective, if it may be a name. */
    private static int nameAfterTitle(Tokens tokens, int from, int to, boolean arabic, Gazetteer gazetteer) {
        String text = tokens.text();
        for (int j = from; j < to; j++) {
            if ((gazetteer.roles(tokens, j, arabic) & Gazetteer.PERSON_TITLE) != 0) {
                continue;
            }
            int start = tokens.start(j);
            if (arabic) {
                boolean article = tokens.end(j) - start > 3 && text.charAt(start) == 'ا'
                        && text.charAt(start + 1) == 'ل';
                if (!article) {
                    return Character.isLetter(text.charAt(start)) ? j : -1;
                }
            } else {
                return capitalized(tokens, j) ? j : -1;
            }
        }
        return -1;
    }

    private static boolean capitalized(Tokens tokens, int i) {
        return Character.isUpperCase(tokens.text().charAt(tokens.start(i)));
    }

    private static long hash(Tokens tokens, int i) {
        return FoldedHash.hash(tokens.text(), tokens.start(i), tokens.end(i));
    }

    private static void increment(LongIntMap counts, long key) {
        counts.put(key, counts.get(key, 0) + 1);
    }
}
