package io.newsflow.ingest.format;

import io.newsflow.schemas.InputFormat;
import io.newsflow.schemas.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A story as plain UTF-8 text, as agencies drop it or as it is scraped from a page: the first non-empty line is
 * the headline; a line straight under it (no blank line between) is a subheadline; the rest is the body.
 *
 * <p>Page furniture is dropped (a lone photo caption marker, share-button words, a trailing tag list); a dateline
 * and credit opening the body ({@code LONDON, March 3 (Reuters) -}, a {@code دبي - الإمارات اليوم} line) move to
 * their fields; a page that carries more than one story or a fact box, split by a separator line, keeps the first
 * as the body and the others as {@code section.N} metadata, rather than running them together.
 */
public final class PlainTextFormat {

    /** A line made only of these words (photo caption markers, share buttons) and separators is page furniture. */
    private static final Pattern FURNITURE_WORD = Pattern.compile("(?<!\\p{L})(?:"
            + String.join("|", List.of("البريد الإلكتروني", "واتس اب", "صورة", "تويتر", "فيسبوك", "واتساب", "لينكدإن",
                    "مشاركة", "طباعة", "photo", "twitter", "facebook", "whatsapp", "linkedin", "share", "print",
                    "e-mail", "email", "x"))
            + ")(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FURNITURE_SEPARATORS = Pattern.compile("[\\s|·•/،,:]+");
    private static final int MAX_SUBHEADLINE_CHARS = 200;
    private static final int MAX_FURNITURE_CHARS = 80;
    private static final int MAX_SEPARATOR_CHARS = 40;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟。…\"”»]$");
    private static final Pattern TAGS = Pattern.compile("^(?:tags|keywords|الكلمات الدالة|كلمات مفتاحية|وسوم)\\s*[:：-]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:[*#_=~-]\\s*){3,}$|^\\s*(?:fact ?box|factbox|حقائق|في أرقام)\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** A separator that is only a rule ({@code ***}, {@code ---}), as against a fact-box heading that stays as text. */
    private static final Pattern RULE = Pattern.compile("[\\s*#_=~-]+");
    /** {@code LONDON, March 3 (Reuters) - }: a capitalized place, an optional date, an optional credit, a dash. */
    private static final Pattern WIRE_DATELINE = Pattern.compile(
            "^([A-Z][A-Z.'’ -]{1,40}?(?:,\\s+[A-Z][a-z]{2,9}\\.?\\s+\\d{1,2})?)\\s*(?:\\(([^)]{2,40})\\))?\\s+[-–—]+\\s+");
    /** A line of its own of the form place - credit, as Arabic pages set it: {@code دبي - الإمارات اليوم}. */
    private static final Pattern CREDIT_LINE = Pattern.compile("^(\\p{L}[\\p{L}\\p{M} .'’]{0,30}?)\\s+[-–—]\\s+(\\p{L}[\\p{L}\\p{M} .'’]{0,40})$");
    /** An Arabic paragraph opening with its place: {@code رأس الخيمة - أعلنت ...} (one to three words). */
    private static final Pattern ARABIC_DATELINE = Pattern.compile("^(\\p{IsArabic}+(?: \\p{IsArabic}+){0,2})\\s+[-–—]\\s+(?=\\S)");

    private PlainTextFormat() {
    }

    /**
     * @param source     where the bytes came from (a file path); recorded on the article and on any rejection
     * @param receivedAt when the ingest stage took the story in
     * @throws RejectedStoryException when the bytes are not UTF-8 or hold no headline or no body
     */
    public static RawArticle parse(String source, byte[] bytes, Instant receivedAt) throws RejectedStoryException {
        return parse(source, Utf8.decode(bytes), receivedAt);
    }

    static RawArticle parse(String source, String text, Instant receivedAt) throws RejectedStoryException {
        List<String> lines = lines(text);
        int next = 0;
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        if (next == lines.size()) {
            throw new RejectedStoryException("empty file: no headline and no body");
        }
        StoryFields story = new StoryFields();
        story.headline = lines.get(next++).strip();
        if (isSubheadline(lines, next)) {
            story.metadata.put("subheadline", lines.get(next++).strip());
        }
        List<String> rest = new ArrayList<>(lines.size() - next);
        for (String line : lines.subList(next, lines.size())) {
            if (!isFurniture(line)) {
                rest.add(line.strip());
            }
        }
        takeTrailingTags(rest, story);
        List<List<String>> sections = sections(rest);
        List<String> body = sections.isEmpty() ? new ArrayList<>() : sections.get(0);
        takeDateline(body, story);
        story.body = String.join("\n\n", body);
        for (int i = 1; i < sections.size(); i++) {
            story.metadata.put("section." + (i + 1), String.join("\n\n", sections.get(i)));
        }
        if (story.body.isBlank()) {
            throw new RejectedStoryException("empty body: the file holds a headline only");
        }
        return story.toArticle(source, InputFormat.PLAIN_TEXT, receivedAt);
    }

    /**
     * The lines between line ends {@code \n}, {@code \r\n} or a lone {@code \r}. Found with {@code indexOf}, which
     * the JIT vectorizes: a loop over every character took a third of the parse.
     */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        // Each searched again only once passed, so that text with only one kind of line end is scanned once.
        int cr = text.indexOf('\r');
        int lf = text.indexOf('\n');
        while (true) {
            if (cr >= 0 && cr < start) {
                cr = text.indexOf('\r', start);
            }
            if (lf >= 0 && lf < start) {
                lf = text.indexOf('\n', start);
            }
            int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
            if (end < 0) {
                break;
            }
            lines.add(text.substring(start, end));
            boolean crlf = end == cr && end + 1 < text.length() && text.charAt(end + 1) == '\n';
            start = end + (crlf ? 2 : 1);
        }
        lines.add(text.substring(start));
        return lines;
    }

    /**
     * A short line right under the headline, set off from the body by a blank line and not ending a sentence.
     * A story whose body starts on the line under the headline keeps that line.
     */
    private static boolean isSubheadline(List<String> lines, int at) {
        if (at + 2 >= lines.size() || lines.get(at).isBlank() || !lines.get(at + 1).isBlank()) {
            return false;
        }
        String line = lines.get(at).strip();
        return line.length() <= MAX_SUBHEADLINE_CHARS && !SENTENCE_END.matcher(line).find();
    }

    private static boolean isFurniture(String line) {
        // Share bars and caption markers are a few words; the length check spares every body line the regex.
        return line.length() <= MAX_FURNITURE_CHARS && !line.isBlank()
                && FURNITURE_SEPARATORS.matcher(FURNITURE_WORD.matcher(line).replaceAll(" ")).replaceAll("").isEmpty();
    }

    private static void takeTrailingTags(List<String> lines, StoryFields story) {
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isEmpty()) {
            last--;
        }
        if (last >= 0) {
            Matcher tags = TAGS.matcher(lines.get(last));
            if (tags.matches()) {
                story.metadata.put("tags", tags.group(1).strip());
                lines.subList(last, lines.size()).clear();
            }
        }
    }

    /** Paragraphs (runs of non-blank lines, joined by a space) grouped into sections at separator lines. */
    private static List<List<String>> sections(List<String> lines) {
        List<List<String>> sections = new ArrayList<>();
        List<String> section = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                flush(paragraph, section);
                continue;
            }
            if (line.length() <= MAX_SEPARATOR_CHARS && SEPARATOR.matcher(line).matches()) {
                flush(paragraph, section);
                if (!section.isEmpty()) {
                    sections.add(section);
                    section = new ArrayList<>();
                }
                if (!RULE.matcher(line).matches()) {
                    section.add(line.strip());
                }
                continue;
            }
            if (!paragraph.isEmpty()) {
                paragraph.append('\n');
            }
            paragraph.append(line);
        }
        flush(paragraph, section);
        if (!section.isEmpty()) {
            sections.add(section);
        }
        return sections;
    }

    private static void flush(StringBuilder paragraph, List<String> section) {
        if (!paragraph.isEmpty()) {
            section.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    private static void takeDateline(List<String> paragraphs, StoryFields story) {
        if (paragraphs.isEmpty()) {
            return;
        }
        String first = paragraphs.get(0);
        Matcher credit = CREDIT_LINE.matcher(first);
        if (paragraphs.size() > 1 && credit.matches()) {
            story.dateline = credit.group(1).strip();
            story.metadata.put("credit", credit.group(2).strip());
            paragraphs.remove(0);
            return;
        }
        Matcher wire = WIRE_DATELINE.matcher(first);
        if (wire.lookingAt()) {
            story.dateline = wire.group(1).strip();
            if (wire.group(2) != null) {
                story.metadata.put("credit", wire.group(2).strip());
            }
            paragraphs.set(0, first.substring(wire.end()));
            return;
        }
        Matcher arabic = ARABIC_DATELINE.matcher(first);
        if (arabic.lookingAt()) {
            story.dateline = arabic.group(1);
            paragraphs.set(0, first.substring(arabic.end()));
        }
    }
}
