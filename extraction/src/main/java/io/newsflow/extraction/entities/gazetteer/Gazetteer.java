package io.newsflow.extraction.entities.gazetteer;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.entities.text.Clitics;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Names the project knows in advance, in Arabic and English: every ISO 3166 country (CLDR names through ICU plus
 * aliases), world regions, major cities and international organizations, each with a canonical id; and the words
 * that head organization names or introduce people. Matching folds spelling variants and, in Arabic, tries every
 * clitic split of a name's first word, so {@code وفرنسا} and {@code للإمارات} match.
 */
public final class Gazetteer {

    /** A known name: its type and canonical id. */
    public record Entry(EntityType type, String id) {
    }

    /**
     * A match of an entry on tokens {@code [first, last)}; the name starts {@code clitics} chars into the first
     * token (0 unless Arabic proclitics precede it).
     */
    public record Match(Entry entry, int first, int last, int clitics) {
    }

    /** A role bit: the word heads organization names (وزارة, Ministry). */
    public static final int ORGANIZATION_HEAD = 1;
    /** A role bit: the word introduces a person's name (الرئيس, Mr.). */
    public static final int PERSON_TITLE = 2;
    /** A role bit: the word names a currency (دولار, الريال, euros). */
    public static final int CURRENCY = 4;
    /** A role bit: the word ends a name it follows (برأسمال, بقيمة): see {@code name-stops.txt}. */
    public static final int NAME_STOP = 8;

    /** The generated place table (see {@code PlaceTableBuilder}) and its mark of hand-listed cities. */
    public static final String PLACES = "places.tsv";
    public static final String LISTED = "listed";
    private static final int MAX_NAME_TOKENS = 8;
    private static final int CAPITALIZED = 1;
    private static final int ALL_CAPS = 2;

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Entry, Integer> entryIndex = new HashMap<>();
    /** Names the recognizer adds and the tagger sees as features. */
    private final Names known = new Names(4096);
    /**
     * GeoNames cities ({@code places.tsv}) not in {@link #known}: they only give an id to a place the tagger found
     * (cross-validation: as names to add or as tagger features they cost F1, see ENTITIES.md).
     */
    private final Names places = new Names(1 << 16);
    /** Folded name hash of a nationality adjective → index into {@link #countryIds}. */
    private final LongIntMap nationalities = new LongIntMap(2048);
    private final List<String> countryIds = new ArrayList<>();

    /** Hashes of whole names (→ entry index × 4 + case flags) and of the first k tokens of longer names (→ 1). */
    private record Names(LongIntMap names, LongIntMap prefixes) {
        Names(int expected) {
            this(new LongIntMap(expected), new LongIntMap(expected));
        }
    }
    /** Folded word hash → its role bits ({@link #ORGANIZATION_HEAD}, {@link #PERSON_TITLE}, ...). */
    private final LongIntMap roles = new LongIntMap(256);

    private Gazetteer() {
    }

    public static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        g.loadCountries();
        g.loadRegions();
        List<String[]> geoNames = new ArrayList<>();
        readTable(PLACES, 6, row -> {
            if (LISTED.equals(row[5])) {
                g.addNames(g.known, new Entry(EntityType.LOCATION, row[0]), row[3] + "|" + row[4]);
            } else {
                geoNames.add(row);
            }
        });
        for (String table : List.of("organizations.tsv", "clubs.tsv", "companies.tsv")) {
            readTable(table, 3, row -> g.addNames(g.known, new Entry(EntityType.ORGANIZATION, "org:" + row[0]),
                    row[1] + "|" + row[2]));
        }
        // last, so that no GeoNames city takes a name the lists above give to a country, club or company
        geoNames.forEach(row -> g.addNames(g.places, new Entry(EntityType.LOCATION, row[0]), row[3] + "|" + row[4]));
        readTable("nationalities.tsv", 3, row -> g.addNationality(row[0], row[1], row[2]));
        readTable("organization-heads.txt", 1, row -> g.addRole(row[0], ORGANIZATION_HEAD));
        readTable("person-titles.txt", 1, row -> g.addRole(row[0], PERSON_TITLE));
        readTable("currencies.txt", 1, row -> {
            g.addRole(row[0], CURRENCY);
            if (isArabic(row[0]) && !row[0].startsWith("ال")) {
                g.addRole("ال" + row[0], CURRENCY);
            }
        });
        readTable("name-stops.txt", 1, row -> g.addRole(row[0], NAME_STOP));
        return g;
    }

    private void loadCountries() {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        readTable("country-aliases.tsv", 2, row -> aliases.put(row[0], List.of(row[1].split("\\|"))));
        // Manual aliases first: where a derived name is ambiguous (Congo, Korea) the manual choice wins.
        aliases.forEach((code, names) -> names.forEach(n -> addName(known, countryEntry(code), n)));
        forEachCldrName(ULocale.getISOCountries(), (code, name) -> addName(known, countryEntry(code), name));
    }

    private static Entry countryEntry(String code) {
        return new Entry(EntityType.LOCATION, "country:" + code);
    }

    private void loadRegions() {
        List<String> m49 = new ArrayList<>();
        readTable("regions.tsv", 1, row -> {
            String id = row[0];
            Entry entry = new Entry(EntityType.LOCATION, "region:" + id);
            if (row.length > 1 && !row[1].isBlank()) {
                addNames(known, entry, row[1]);
            }
            if (Character.isDigit(id.charAt(0))) {
                m49.add(id);
            }
        });
        forEachCldrName(m49.toArray(String[]::new),
                (code, name) -> addName(known, new Entry(EntityType.LOCATION, "region:" + code), name));
    }

    /** CLDR's long and short names in both languages, with parenthesized qualifiers split off. */
    private static void forEachCldrName(String[] codes, BiConsumer<String, String> sink) {
        List<LocaleDisplayNames> displays = new ArrayList<>();
        for (String language : List.of("en", "ar")) {
            ULocale locale = new ULocale(language);
            displays.add(LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_FULL));
            displays.add(LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_SHORT));
        }
        for (String code : codes) {
            for (LocaleDisplayNames display : displays) {
                String name = display.regionDisplayName(code);
                if (name == null || name.equals(code)) {
                    continue;
                }
                int paren = name.indexOf(" (");
                int dash = name.indexOf(" - ");
                if (paren > 0) {
                    sink.accept(code, name.substring(0, paren));
                    sink.accept(code, name.substring(paren + 2, name.lastIndexOf(')')));
                } else if (dash < 0) {
                    sink.accept(code, name);
                }
            }
        }
    }

    private void addNames(Names table, Entry entry, String names) {
        for (String name : names.split("\\|")) {
            if (!name.isBlank()) {
                addName(table, entry, name.strip());
            }
        }
    }

    /**
     * Each English adjective as written, and each Arabic form with and without the article, masculine, feminine
     * and plural (إيطالي, الإيطالية, الإيطاليون, الإيطاليين), every word of a two-word form agreeing.
     */
    private void addNationality(String code, String english, String arabic) {
        int id = countryIds.size();
        countryIds.add("country:" + code);
        for (String name : english.split("\\|")) {
            nationalities.put(nameHash(name), id);
        }
        for (String base : arabic.split("\\|")) {
            for (String article : List.of("", "ال")) {
                for (String ending : List.of("", "ة", "ون", "ين")) {
                    StringBuilder form = new StringBuilder();
                    for (String word : base.split(" ")) {
                        form.append(form.isEmpty() ? "" : " ").append(article).append(word).append(ending);
                    }
                    nationalities.put(nameHash(form.toString()), id);
                }
            }
        }
    }

    /** The hash under which a name of several tokens is stored and looked up: the tokens' hashes combined. */
    private static long nameHash(String name) {
        Tokens tokens = Tokenizer.tokenize(name);
        long h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            long token = FoldedHash.hash(name, tokens.start(i), tokens.end(i));
            h = i == 0 ? token : FoldedHash.combine(h, token);
        }
        return h;
    }

    /**
     * The country id of the nationality adjective that tokens {@code [first, last)} spell exactly
     * ({@code German}, {@code والإيطالية}), or null.
     */
    public String nationality(Tokens tokens, int first, int last, boolean arabic) {
        String text = tokens.text();
        int[] splits = new int[Clitics.MAX_SPLITS];
        int splitCount = arabic ? Clitics.splits(text, tokens.start(first), tokens.end(first), splits) : 1;
        for (int s = 0; s < splitCount; s++) {
            long h = Clitics.stemHash(text, tokens.start(first), tokens.end(first), splits[s]);
            for (int j = first + 1; j < last; j++) {
                h = FoldedHash.combine(h, FoldedHash.hash(text, tokens.start(j), tokens.end(j)));
            }
            int id = nationalities.get(h, -1);
            if (id >= 0) {
                return countryIds.get(id);
            }
        }
        return null;
    }

    private void addName(Names table, Entry entry, String name) {
        Tokens tokens = Tokenizer.tokenize(name);
        if (tokens.size() == 0 || tokens.size() > MAX_NAME_TOKENS) {
            return;
        }
        long h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            long token = FoldedHash.hash(name, tokens.start(i), tokens.end(i));
            h = i == 0 ? token : FoldedHash.combine(h, token);
            if (i + 1 < tokens.size()) {
                table.prefixes().put(h, 1);
            }
        }
        // the first entry to claim a name keeps it, and the known names win over the GeoNames places
        if (table.names().get(h, -1) >= 0 || table != known && known.names().get(h, -1) >= 0) {
            return;
        }
        int index = entryIndex.computeIfAbsent(entry, e -> {
            entries.add(e);
            return entries.size() - 1;
        });
        table.names().put(h, index * 4 + caseFlags(name));
    }

    private static int caseFlags(String name) {
        char first = name.charAt(0);
        if (!(first < 0x250 && Character.isLetter(first))) {
            return 0;
        }
        boolean allCaps = name.length() <= 6 && name.chars().noneMatch(Character::isLowerCase);
        return allCaps ? ALL_CAPS : Character.isUpperCase(first) ? CAPITALIZED : 0;
    }

    /**
     * The longest name starting at token {@code i} and ending before {@code limit}, or null. Arabic tokens are
     * tried whole and after each clitic split.
     */
    public Match match(Tokens tokens, int i, int limit, boolean arabic) {
        return match(known, tokens, i, limit, arabic);
    }

    /**
     * The GeoNames city that tokens {@code [first, last)} name exactly, among those only used for ids (see
     * {@link #places}), or null.
     */
    public Match place(Tokens tokens, int first, int last, boolean arabic) {
        Match m = match(places, tokens, first, last, arabic);
        return m != null && m.last() == last ? m : null;
    }

    private Match match(Names table, Tokens tokens, int i, int limit, boolean arabic) {
        String text = tokens.text();
        int[] splits = new int[Clitics.MAX_SPLITS];
        int splitCount = arabic ? Clitics.splits(text, tokens.start(i), tokens.end(i), splits) : 1;
        Match best = null;
        for (int s = 0; s < splitCount; s++) {
            long h = Clitics.stemHash(text, tokens.start(i), tokens.end(i), splits[s]);
            int j = i + 1;
            while (true) {
                int value = table.names().get(h, -1);
                if (value >= 0 && casesAgree(tokens, i, value & 3) && (best == null || j > best.last)) {
                    best = new Match(entries.get(value >> 2), i, j, Clitics.offset(splits[s]));
                }
                if (j >= limit || j - i >= MAX_NAME_TOKENS || table.prefixes().get(h, 0) == 0) {
                    break;
                }
                h = FoldedHash.combine(h, FoldedHash.hash(text, tokens.start(j), tokens.end(j)));
                j++;
            }
        }
        return best;
    }

    private static boolean casesAgree(Tokens tokens, int i, int flags) {
        if (flags == CAPITALIZED) {
            return Character.isUpperCase(tokens.firstChar(i));
        }
        if (flags == ALL_CAPS) {
            for (int k = tokens.start(i); k < tokens.end(i); k++) {
                if (Character.isLowerCase(tokens.text().charAt(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Non-overlapping longest matches, left to right, in tokens {@code [from, to)}. */
    public List<Match> matches(Tokens tokens, int from, int to, boolean arabic) {
        List<Match> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            Match m = match(tokens, i, to, arabic);
            if (m != null) {
                found.add(m);
                i = m.last;
            } else {
                i++;
            }
        }
        return found;
    }

    private static boolean isArabic(String word) {
        return !word.isEmpty() && Character.UnicodeBlock.of(word.charAt(0)) == Character.UnicodeBlock.ARABIC;
    }

    private void addRole(String word, int role) {
        long h = FoldedHash.hash(word);
        roles.put(h, roles.get(h, 0) | role);
    }

    /** The role bits of token {@code i}, whole or after any of its clitics. */
    public int roles(Tokens tokens, int i, boolean arabic) {
        String text = tokens.text();
        int[] splits = new int[Clitics.MAX_SPLITS];
        int n = arabic ? Clitics.splits(text, tokens.start(i), tokens.end(i), splits) : 1;
        int found = 0;
        for (int s = 0; s < n; s++) {
            found |= roles.get(Clitics.stemHash(text, tokens.start(i), tokens.end(i), splits[s]), 0);
        }
        return found;
    }

    /** The role bits of the word {@code text[from, to)} as it stands. */
    public int roles(CharSequence text, int from, int to) {
        return roles.get(FoldedHash.hash(text, from, to), 0);
    }

    /** Whether token {@code i} alone (after any clitics) names a country. */
    public boolean isCountry(Tokens tokens, int i, boolean arabic) {
        Match m = match(tokens, i, i + 1, arabic);
        return m != null && m.entry().id().startsWith("country:");
    }

    /** The entry whose name is exactly {@code text} (folded), or null. */
    public Entry lookup(String text) {
        Tokens tokens = Tokenizer.tokenize(text);
        if (tokens.size() == 0) {
            return null;
        }
        Match m = match(tokens, 0, tokens.size(), false);
        return m != null && m.last == tokens.size() ? m.entry : null;
    }

    private static void readTable(String resource, int minColumns, java.util.function.Consumer<String[]> row) {
        try (InputStream in = Gazetteer.class.getResourceAsStream("/io/newsflow/extraction/entities/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing gazetteer resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < minColumns) {
                    throw new IllegalStateException(resource + ": expected " + minColumns + " columns: " + line);
                }
                row.accept(columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
