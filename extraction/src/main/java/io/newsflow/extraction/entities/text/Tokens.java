package io.newsflow.extraction.entities.text;

import java.util.Arrays;
import java.util.List;

/** Token boundaries in a text (Java String indices, end exclusive) and where its sentences start. */
public final class Tokens {

    private final String text;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    private int[] sentenceStarts = new int[8];
    private int sentences;

    Tokens(String text) {
        this.text = text;
    }

    /** Tokens that someone else has already split, such as the words of a CoNLL sentence, as one sentence. */
    public static Tokens ofWords(List<String> words) {
        return ofSentences(List.of(words));
    }

    /** Sentences of words split by someone else, as one document: words joined by spaces, sentences by lines. */
    public static Tokens ofSentences(List<List<String>> sentences) {
        StringBuilder text = new StringBuilder();
        for (List<String> words : sentences) {
            text.append(String.join(" ", words)).append('\n');
        }
        Tokens t = new Tokens(text.toString());
        int position = 0;
        for (List<String> words : sentences) {
            t.startSentence(t.size);
            for (String w : words) {
                t.add(position, position + w.length());
                position += w.length() + 1;
            }
            position += words.isEmpty() ? 1 : 0;
        }
        return t;
    }

    void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    void startSentence(int token) {
        if (sentences > 0 && sentenceStarts[sentences - 1] == token) {
            return;
        }
        if (sentences == sentenceStarts.length) {
            sentenceStarts = Arrays.copyOf(sentenceStarts, sentences * 2);
        }
        sentenceStarts[sentences++] = token;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public char firstChar(int i) {
        return text.charAt(starts[i]);
    }

    public int length(int i) {
        return ends[i] - starts[i];
    }

    public String word(int i) {
        return text.substring(starts[i], ends[i]);
    }

    public int sentenceCount() {
        return sentences;
    }

    /** First token of sentence {@code s}. */
    public int sentenceStart(int s) {
        return sentenceStarts[s];
    }

    /** One past the last token of sentence {@code s}. */
    public int sentenceEnd(int s) {
        return s + 1 < sentences ? sentenceStarts[s + 1] : size;
    }
}
