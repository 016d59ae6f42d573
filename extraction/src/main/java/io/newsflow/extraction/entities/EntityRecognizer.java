package io.newsflow.extraction.entities;

import io.newsflow.extraction.Deadline;
import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.Folding;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.tagger.EntityBias;
import io.newsflow.extraction.entities.tagger.ExtraScores;
import io.newsflow.extraction.entities.tagger.Features;
import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Clitics;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the people, organizations and places of a story, with canonical ids shared across languages.
 *
 * <p>A statistical tagger per language (see {@link SequenceTagger}) proposes entities; the gazetteer then adds
 * known countries, regions, cities and organizations the tagger missed, and gives every mention it knows its
 * canonical id ({@code country:FR} for both {@code فرنسا} and {@code France}); a MISC mention that is a
 * nationality adjective ({@code French}, {@code الفرنسية}) gets its country's id. Arabic mentions exclude the
 * conjunction and preposition clitics fused to their first word ({@code وفرنسا} → {@code فرنسا}); when the
 * article was fused too ({@code للإمارات}), the mention starts after {@code لل}. Under the default
 * {@link AnnotationConvention#PRODUCT product convention}, Arabic institutions built on a head noun
 * ({@code وزارة الداخلية الإيطالية}) are organizations too; {@link AnnotationConvention#ANERCORP} leaves them to the
 * tagger, as the corpus it is scored on annotates them. Languages without a tagger get gazetteer matches only.
 * Thread-safe.
 */
public final class EntityRecognizer {

    private static final String RESOURCES = "/io/newsflow/extraction/entities/";
    private static final float GAZETTEER_CONFIDENCE = 0.9f;
    private static final float RULE_CONFIDENCE = 0.7f;
    /** At most this many corpus occurrences make a word unfamiliar enough to be a foreign name. */
    private static final int RARE = 3;

    private final Gazetteer gazetteer;
    private final Map<String, SequenceTagger> taggers;
    private final AnnotationConvention convention;
    private final ArabicOrganizations organizations;

    private EntityRecognizer(Gazetteer gazetteer, Map<String, SequenceTagger> taggers,
                             AnnotationConvention convention) {
        this.gazetteer = gazetteer;
        this.taggers = taggers;
        this.convention = convention;
        this.organizations = new ArabicOrganizations(gazetteer);
    }

    /**
     * Loads the gazetteer and the Arabic and English models shipped with the library, naming entities by the
     * {@link AnnotationConvention#PRODUCT product convention}.
     */
    public static EntityRecognizer load() {
        return load(AnnotationConvention.PRODUCT);
    }

    /** Loads the shipped models, naming entities by {@code convention}. */
    public static EntityRecognizer load(AnnotationConvention convention) {
        Gazetteer gazetteer = Gazetteer.load();
        Map<String, SequenceTagger> taggers = new HashMap<>();
        for (String language : List.of("ar", "en")) {
            String resource = RESOURCES + "ner-" + language + ".model.gz";
            SequenceTagger tagger;
            try (InputStream in = EntityRecognizer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing entity model " + resource);
                }
                tagger = SequenceTagger.read(in, gazetteer);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read entity model " + resource, e);
            }
            String network = RESOURCES + NeuralTagger.fileName(language);
            try (InputStream in = EntityRecognizer.class.getResourceAsStream(network)) {
                if (in != null) {
                    tagger = tagger.withExtraScores(NeuralTagger.read(in, language, tagger.lexicon()).scores(), 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read entity model " + network, e);
            }
            taggers.put(language, tagger);
        }
        return new EntityRecognizer(gazetteer, Map.copyOf(taggers), convention);
    }

    /** A recognizer over the given models, for evaluating a freshly trained model. */
    public static EntityRecognizer of(Gazetteer gazetteer, List<SequenceTagger> taggers,
                                      AnnotationConvention convention) {
        Map<String, SequenceTagger> byLanguage = new HashMap<>();
        taggers.forEach(t -> byLanguage.put(t.language(), t));
        return new EntityRecognizer(gazetteer, Map.copyOf(byLanguage), convention);
    }

    /** The same models and gazetteer under another convention (nothing is reloaded). */
    public EntityRecognizer withConvention(AnnotationConvention other) {
        return other == convention ? this : new EntityRecognizer(gazetteer, taggers, other);
    }

    /**
     * The same models and gazetteer, {@code language}'s tagger decoding with {@code bias} (see {@link EntityBias});
     * nothing is reloaded.
     */
    public EntityRecognizer withEntityBias(String language, EntityBias bias) {
        SequenceTagger tagger = taggers.get(language);
        if (tagger == null) {
            throw new IllegalArgumentException("no entity model for language " + language);
        }
        Map<String, SequenceTagger> biased = new HashMap<>(taggers);
        biased.put(language, tagger.withEntityBias(bias));
        return new EntityRecognizer(gazetteer, Map.copyOf(biased), convention);
    }

    /**
     * The same recognizer with {@code language}'s tagger adding {@code scores} before decoding in place of the
     * shipped network's (see {@link SequenceTagger#withExtraScores}; null: the perceptron alone), for experiments and
     * for measuring what the network adds.
     */
    public EntityRecognizer withExtraScores(String language, ExtraScores scores, float ownWeight) {
        SequenceTagger tagger = taggers.get(language);
        if (tagger == null) {
            throw new IllegalArgumentException("no entity model for language " + language);
        }
        Map<String, SequenceTagger> combined = new HashMap<>(taggers);
        combined.put(language, tagger.withExtraScores(scores, ownWeight));
        return new EntityRecognizer(gazetteer, Map.copyOf(combined), convention);
    }

    public AnnotationConvention convention() {
        return convention;
    }

    public List<EntityMention> recognize(String text, String language) {
        return recognize(text, language, Deadline.NONE);
    }

    /**
     * As {@link #recognize(String, String)}, checking {@code deadline} before each sentence.
     *
     * @throws io.newsflow.extraction.ExtractionTimeoutException once it has passed
     */
    public List<EntityMention> recognize(String text, String language, Deadline deadline) {
        Tokens tokens = Tokenizer.tokenize(text);
        Decision decision = decide(tokens, language, deadline);
        return mentions(tokens, language, decision);
    }

    /** Token-level BIO labels (see {@link Labels}) for already tokenized text, for conlleval-style scoring. */
    public int[] labels(Tokens tokens, String language) {
        return decide(tokens, language, Deadline.NONE).labels;
    }

    /** Per-token labels and confidences, and the gazetteer entries that matched exactly a labelled span. */
    private record Decision(int[] labels, float[] confidence, Gazetteer.Match[] matchAt) {
    }

    private Decision decide(Tokens tokens, String language, Deadline deadline) {
        int n = tokens.size();
        int[] labels = new int[n];
        float[] confidence = new float[n];
        Gazetteer.Match[] matchAt = new Gazetteer.Match[n];
        SequenceTagger tagger = taggers.get(language);
        boolean arabic = "ar".equals(language);
        SequenceTagger.Scratch scratch = new SequenceTagger.Scratch();
        int[] sentenceLabels = new int[64];
        float[] sentenceConfidence = new float[64];
        for (int s = 0; s < tokens.sentenceCount(); s++) {
            deadline.check();
            int from = tokens.sentenceStart(s);
            int to = tokens.sentenceEnd(s);
            if (tagger != null && to > from) {
                if (sentenceLabels.length < to - from) {
                    sentenceLabels = new int[to - from];
                    sentenceConfidence = new float[to - from];
                }
                tagger.tag(tokens, from, to, scratch, sentenceLabels, sentenceConfidence);
                System.arraycopy(sentenceLabels, 0, labels, from, to - from);
                System.arraycopy(sentenceConfidence, 0, confidence, from, to - from);
            }
            List<Gazetteer.Match> matches = gazetteer.matches(tokens, from, to, arabic);
            for (Gazetteer.Match m : matches) {
                // A known organization's full name wins over the pieces the tagger saw in it (مكتب الأمم المتحدة
                // المعني ...). A longer place name does not: ANERcorp annotates مكة in مكة المكرمة and أميركا in
                // أميركا الشمالية, so overriding the tagger there loses more right places than it gains.
                boolean longOrganization = m.last() - m.first() > 1
                        && m.entry().type() == EntityType.ORGANIZATION;
                boolean free = longOrganization ? isCoverable(labels, m.first(), m.last())
                        : isFree(labels, m.first(), m.last());
                if (free) {
                    relabel(labels, confidence, m.first(), m.last(), m.entry().type(), GAZETTEER_CONFIDENCE);
                }
            }
            if (arabic && tagger != null) {
                extendPersonLists(tokens, from, to, labels, confidence, tagger);
            }
            if (arabic && convention == AnnotationConvention.PRODUCT) {
                nameInstitutions(tokens, from, to, labels, confidence);
            }
            for (Gazetteer.Match m : matches) {
                if (isSpan(labels, m.first(), m.last()) && Labels.type(labels[m.first()]) == m.entry().type()) {
                    matchAt[m.first()] = m;
                }
            }
        }
        if (arabic && tagger != null) {
            labelOtherMentions(tokens, labels, confidence, tagger);
        }
        if (arabic) {
            cutAtNameStops(tokens, labels);
        }
        if (convention == AnnotationConvention.PRODUCT) {
            dropCurrencies(tokens, labels, arabic);
        }
        return new Decision(labels, confidence, matchAt);
    }

    /**
     * Names Arabic institutions built on a head noun (see {@link ArabicOrganizations}), also where the tagger
     * stopped one before its last words ({@code معهد دبي} for {@code معهد دبي القضائي}).
     */
    private void nameInstitutions(Tokens tokens, int from, int to, int[] labels, float[] confidence) {
        for (int i = from; i < to; i++) {
            boolean taggedOrganization = Labels.isBegin(labels[i])
                    && Labels.type(labels[i]) == EntityType.ORGANIZATION;
            int end = labels[i] == Labels.O || taggedOrganization ? organizations.nameEnd(tokens, i, to) : -1;
            if (end > 0 && isCoverable(labels, i, end) && (!taggedOrganization || spanEnd(labels, i) < end)) {
                relabel(labels, confidence, i, end, EntityType.ORGANIZATION, RULE_CONFIDENCE);
                i = end - 1;
            }
        }
    }

    /**
     * In an Arabic story, a name the tagger marked with this confidence or more names every other mention of the
     * same words the tagger left unlabelled (after clitics: وفرنسا repeats فرنسا). The tagger's document history
     * only carries a name forward, and only as a feature; on both Arabic held-out splits this gained about 0.3
     * (dev) and 0.6 (second split) F1 over three training seeds; in English it changed nothing.
     */
    private static final float CONSISTENT_NAME = 0.95f;
    private static final int MAX_CONSISTENT_TOKENS = 4;

    private static void labelOtherMentions(Tokens tokens, int[] labels, float[] confidence, SequenceTagger tagger) {
        int n = labels.length;
        String text = tokens.text();
        int[] splits = new int[Clitics.MAX_SPLITS];
        LongIntMap named = new LongIntMap(16);
        for (int i = 0; i < n; i++) {
            if (!Labels.isBegin(labels[i])) {
                continue;
            }
            int end = spanEnd(labels, i);
            float sure = 1;
            for (int k = i; k < end; k++) {
                sure = Math.min(sure, confidence[k]);
            }
            if (sure < CONSISTENT_NAME || end - i > MAX_CONSISTENT_TOKENS) {
                continue;
            }
            int start = tokens.start(i);
            int split = Features.bestSplit(tagger.lexicon(), text, start, tokens.end(i),
                    tagger.lexicon().count(FoldedHash.hash(text, start, tokens.end(i))), splits);
            long name = Clitics.stemHash(text, start, tokens.end(i), split);
            for (int k = i + 1; k < end; k++) {
                name = FoldedHash.combine(name, FoldedHash.hash(text, tokens.start(k), tokens.end(k)));
            }
            // a name given two types in one story stays as the tagger left each mention
            int value = (end - i) * Labels.COUNT + labels[i];
            int before = named.get(name, -1);
            named.put(name, before < 0 || before == value ? value : 0);
        }
        if (named.size() == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] != Labels.O) {
                continue;
            }
            int count = Clitics.splits(text, tokens.start(i), tokens.end(i), splits);
            for (int s = 0; s < count; s++) {
                long name = Clitics.stemHash(text, tokens.start(i), tokens.end(i), splits[s]);
                int end = i + 1;
                int found = -1;
                while (true) {
                    int value = named.get(name, -1);
                    if (value > 0 && value / Labels.COUNT == end - i && isFree(labels, i, end)) {
                        found = value;
                    }
                    if (found >= 0 || end >= n || end - i >= MAX_CONSISTENT_TOKENS) {
                        break;
                    }
                    name = FoldedHash.combine(name, FoldedHash.hash(text, tokens.start(end), tokens.end(end)));
                    end++;
                }
                if (found > 0) {
                    relabel(labels, confidence, i, end, Labels.type(found % Labels.COUNT), RULE_CONFIDENCE);
                    i = end - 1;
                    break;
                }
            }
        }
    }

    /**
     * A name ends before a word of amount or time fused to a preposition (شركة ... برأسمال, "with a capital of"):
     * such a word, and whatever the span ran on to after it, is not part of the name.
     */
    private void cutAtNameStops(Tokens tokens, int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == Labels.O || (gazetteer.roles(tokens, i, true) & Gazetteer.NAME_STOP) == 0) {
                continue;
            }
            int end = spanEnd(labels, i);
            for (int k = i; k < end; k++) {
                labels[k] = Labels.O;
            }
            i = end - 1;
        }
    }

    /**
     * Under the product convention a currency is not an entity: a span made only of currency words, perhaps with
     * a nationality or a country (الدولار الأمريكي, U.S. dollars, الجنيه الإسترليني), is dropped. A span with any
     * other word stays (ريال مدريد is a club).
     */
    private void dropCurrencies(Tokens tokens, int[] labels, boolean arabic) {
        for (int i = 0; i < labels.length; i++) {
            if (!Labels.isBegin(labels[i])) {
                continue;
            }
            int end = spanEnd(labels, i);
            boolean currency = false;
            boolean other = false;
            for (int k = i; k < end && !other; k++) {
                if ((gazetteer.roles(tokens, k, arabic) & Gazetteer.CURRENCY) != 0) {
                    currency = true;
                } else {
                    other = gazetteer.nationality(tokens, k, k + 1, arabic) == null
                            && !gazetteer.isCountry(tokens, k, arabic);
                }
            }
            if (currency && !other) {
                for (int k = i; k < end; k++) {
                    labels[k] = Labels.O;
                }
            }
            i = end - 1;
        }
    }

    /**
     * In an Arabic list of people ({@code A B، وC D}), a two-word item after a person that the corpus barely knows
     * (foreign names, transliterated) is a person too: the tagger, deciding left to right, misses such items more
     * often than the first.
     */
    private static void extendPersonLists(Tokens tokens, int from, int to, int[] labels, float[] confidence,
                                          SequenceTagger tagger) {
        for (int comma = from + 1; comma + 2 < to; comma++) {
            int item = comma + 1;
            boolean afterPerson = labels[comma - 1] != Labels.O
                    && Labels.type(labels[comma - 1]) == EntityType.PERSON;
            if (!afterPerson || !isListComma(tokens, comma) || tokens.firstChar(item) != 'و'
                    || labels[item] != Labels.O || labels[item + 1] != Labels.O
                    || item + 2 < to && Character.isLetter(tokens.firstChar(item + 2))) {
                continue;
            }
            String text = tokens.text();
            boolean rare = tagger.lexicon().count(FoldedHash.hash(text, tokens.start(item) + 1, tokens.end(item))) <= RARE
                    && tagger.lexicon().count(FoldedHash.hash(text, tokens.start(item + 1), tokens.end(item + 1))) <= RARE;
            if (rare) {
                relabel(labels, confidence, item, item + 2, EntityType.PERSON, RULE_CONFIDENCE);
            }
        }
    }

    private static boolean isListComma(Tokens tokens, int i) {
        return tokens.length(i) == 1 && (tokens.firstChar(i) == '،' || tokens.firstChar(i) == ',');
    }

    private static void relabel(int[] labels, float[] confidence, int from, int to, EntityType type, float value) {
        int begin = Labels.begin(type);
        for (int i = from; i < to; i++) {
            labels[i] = i == from ? begin : begin + 1;
            confidence[i] = value;
        }
    }

    /** Whether no entity crosses the edges of tokens {@code [from, to)}, so a new one may replace what is inside. */
    private static boolean isCoverable(int[] labels, int from, int to) {
        return !Labels.isInside(labels[from]) && (to >= labels.length || !Labels.isInside(labels[to]));
    }

    private static boolean isFree(int[] labels, int from, int to) {
        for (int i = from; i < to; i++) {
            if (labels[i] != Labels.O) {
                return false;
            }
        }
        return to >= labels.length || !Labels.isInside(labels[to]);
    }

    /** One past the last token of the entity that token {@code first} begins or continues. */
    private static int spanEnd(int[] labels, int first) {
        int end = first + 1;
        while (end < labels.length && Labels.isInside(labels[end])) {
            end++;
        }
        return end;
    }

    /** Whether labels {@code [from, to)} form exactly one entity. */
    private static boolean isSpan(int[] labels, int from, int to) {
        if (!Labels.isBegin(labels[from])) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!Labels.isInside(labels[i])) {
                return false;
            }
        }
        return to >= labels.length || !Labels.isInside(labels[to]);
    }

    private List<EntityMention> mentions(Tokens tokens, String language, Decision decision) {
        List<EntityMention> mentions = new ArrayList<>();
        Ids ids = new Ids();
        int[] labels = decision.labels;
        String text = tokens.text();
        SequenceTagger tagger = taggers.get(language);
        int[] splits = new int[Clitics.MAX_SPLITS];
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == Labels.O) {
                i++;
                continue;
            }
            int first = i;
            float confidence = decision.confidence[i];
            i++;
            while (i < labels.length && Labels.isInside(labels[i])) {
                confidence = Math.min(confidence, decision.confidence[i]);
                i++;
            }
            EntityType type = Labels.type(labels[first]);
            Gazetteer.Match match = decision.matchAt[first];
            if (match == null || match.last() != i) {
                match = gazetteer.match(tokens, first, i, "ar".equals(language));
            }
            int start = tokens.start(first);
            if (match != null && match.last() == i) {
                start += match.clitics();
            } else if ("ar".equals(language) && tagger != null) {
                int wholeCount = tagger.lexicon().count(FoldedHash.hash(text, start, tokens.end(first)));
                if (wholeCount == 0 && text.charAt(start) == 'و' && tokens.length(first) > 3) {
                    // a word the corpus never saw, starting with و: far likelier "and" + an unfamiliar name
                    start++;
                } else {
                    start += Clitics.offset(Features.bestSplit(tagger.lexicon(), text, start, tokens.end(first),
                            wholeCount, splits));
                }
            }
            int end = tokens.end(i - 1);
            String surface = text.substring(start, end);
            String id = match != null && match.last() == i ? match.entry().id() : null;
            if (id == null && type == EntityType.LOCATION) {
                Gazetteer.Match place = gazetteer.place(tokens, first, i, "ar".equals(language));
                if (place != null) {
                    id = place.entry().id();
                    start = tokens.start(first) + place.clitics();
                    surface = text.substring(start, end);
                }
            }
            if (id == null && type == EntityType.MISC) {
                id = gazetteer.nationality(tokens, first, i, "ar".equals(language));
            }
            if (id == null) {
                id = ids.of(type, surface);
            }
            mentions.add(new EntityMention(type, surface, start, end, id, confidence));
        }
        return mentions;
    }

    /**
     * Canonical ids for entities the gazetteer does not know: type and folded name. Within one article, a person
     * named by one word that is part of an earlier full name (the surname, usually) shares that person's id.
     */
    private static final class Ids {
        private final Map<String, String> personByWord = new HashMap<>();

        String of(EntityType type, String surface) {
            String name = Folding.fold(surface).strip().replaceAll("[\\s\\p{Z}]+", "-");
            if (type == EntityType.PERSON) {
                String[] words = name.split("-");
                if (words.length == 1 && personByWord.containsKey(name)) {
                    return personByWord.get(name);
                }
                String id = "person:" + name;
                if (words.length > 1) {
                    for (String word : words) {
                        personByWord.putIfAbsent(word, id);
                    }
                }
                return id;
            }
            return prefix(type) + name;
        }

        private static String prefix(EntityType type) {
            return switch (type) {
                case PERSON -> "person:";
                case ORGANIZATION -> "org:";
                case LOCATION -> "loc:";
                case MISC -> "misc:";
            };
        }
    }
}
