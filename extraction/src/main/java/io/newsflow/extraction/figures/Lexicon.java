package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * All word knowledge of the figures extractor in one table keyed by normalised form, so that one lookup per word
 * form answers every question the grammar asks about it. Number grammar words are listed here in code because
 * their roles are the grammar; open-ended lists (counted nouns, units, currencies) live in resource files.
 */
final class Lexicon {

    private final CharTable<Word> table = new CharTable<>();
    /** Currency ISO code by family and country ("dollar:CA" → CAD). */
    private final Map<String, String> currencyByCountry = new HashMap<>();
    private final Word[] symbols = new Word[Character.MAX_VALUE + 1];

    static Lexicon load() {
        Lexicon lex = new Lexicon();
        lex.arabicNumbers();
        lex.englishNumbers();
        lex.functionWords();
        lex.months();
        lex.readUnits();
        lex.readCurrencies();
        lex.readArabicNouns();
        return lex;
    }

    Word get(char[] buf, int off, int len) {
        return table.get(buf, off, len);
    }

    /** The entry of a one-character symbol ($, €, ٪ ...) without building a key. */
    Word symbol(char c) {
        return symbols[c];
    }

    Word get(String form) {
        return table.get(Normalizer.key(form));
    }

    String currency(String family, String country) {
        return currencyByCountry.get(family + ":" + country);
    }

    private Word word(String form) {
        return table.computeIfAbsent(Normalizer.key(form), Word::new);
    }

    private void number(int numClass, double value, int flags, String... forms) {
        for (String f : forms) {
            Word w = word(f);
            w.numClass = numClass;
            w.number = value;
            w.flags |= flags;
        }
    }

    private void fraction(double denominator, int form, String... forms) {
        for (String f : forms) {
            Word w = word(f);
            w.denominator = denominator;
            w.fractionForm = form;
        }
    }

    private void ordinal(int value, int ordinalClass, int flags, String... forms) {
        for (String f : forms) {
            Word w = word(f);
            w.ordinal = value;
            w.ordinalClass = ordinalClass;
            w.flags |= flags;
        }
    }

    private void flag(int flags, String... forms) {
        for (String f : forms) {
            word(f).flags |= flags;
        }
    }

    private void arabicNumbers() {
        number(Word.UNIT, 0, 0, "صفر");
        number(Word.UNIT, 1, 0, "واحد", "واحدة", "واحده");
        number(Word.UNIT, 1, Word.TEEN_ONLY, "أحد", "إحدى", "احدى", "حادي");
        number(Word.UNIT, 2, 0, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي", "إثنتى", "اتنين");
        number(Word.UNIT, 3, 0, "ثلاث", "ثلاثة", "تلاتة", "تلات");
        number(Word.UNIT, 4, 0, "أربع", "أربعة");
        number(Word.UNIT, 5, 0, "خمس", "خمسة");
        number(Word.UNIT, 6, 0, "ست", "ستة");
        number(Word.UNIT, 7, 0, "سبع", "سبعة");
        number(Word.UNIT, 8, 0, "ثمان", "ثماني", "ثمانية", "تمانية", "تمن");
        number(Word.UNIT, 9, 0, "تسع", "تسعة");
        number(Word.TEN_SUFFIX, 10, 0, "عشر", "عشرة");
        number(Word.TEEN, 11, 0, "حداشر", "احداشر");
        number(Word.TEEN, 12, 0, "اتناشر", "اطناشر");
        number(Word.TEEN, 13, 0, "تلتاشر", "تلاتاشر");
        number(Word.TEEN, 14, 0, "اربعتاشر", "اربعطاشر");
        number(Word.TEEN, 15, 0, "خمستاشر", "خمسطاشر");
        number(Word.TEEN, 16, 0, "ستاشر", "سطاشر");
        number(Word.TEEN, 17, 0, "سبعتاشر", "سبعطاشر");
        number(Word.TEEN, 18, 0, "تمنتاشر", "تمنطاشر");
        number(Word.TEEN, 19, 0, "تسعتاشر", "تسعطاشر");
        String[][] tens = {
            {"عشرون", "عشرين"}, {"ثلاثون", "ثلاثين", "تلاتين"}, {"أربعون", "أربعين"}, {"خمسون", "خمسين"},
            {"ستون", "ستين"}, {"سبعون", "سبعين"}, {"ثمانون", "ثمانين", "تمانين"}, {"تسعون", "تسعين"}};
        for (int t = 0; t < tens.length; t++) {
            number(Word.TENS, 20 + 10 * t, 0, tens[t]);
        }
        number(Word.HUNDRED, 100, 0, "مئة", "مائة", "مية", "ماية", "ميه");
        number(Word.HUNDRED, 200, 0, "مئتان", "مئتين", "مائتان", "مائتين", "ميتين");
        String[][] hundreds = {
            {"ثلاث", "ثلث", "تلت"}, {"أربع", "ربع"}, {"خمس"}, {"ست"}, {"سبع"}, {"ثمان", "ثماني", "تمن"}, {"تسع"}};
        for (int h = 0; h < hundreds.length; h++) {
            for (String prefix : hundreds[h]) {
                number(Word.HUNDRED, 100 * (h + 3), 0, prefix + "مئة", prefix + "مائة", prefix + "مية");
            }
        }
        number(Word.SCALE, 1e3, 0, "ألف", "ألفا");
        number(Word.SCALE, 1e3, Word.DUAL_SCALE, "ألفان", "ألفين");
        number(Word.SCALE, 1e3, Word.PLURAL_SCALE, "آلاف", "ألوف");
        number(Word.SCALE, 1e6, 0, "مليون", "مليونا");
        number(Word.SCALE, 1e6, Word.DUAL_SCALE, "مليونان", "مليونين", "مليوني");
        number(Word.SCALE, 1e6, Word.PLURAL_SCALE, "ملايين");
        number(Word.SCALE, 1e9, 0, "مليار", "مليارا", "بليون");
        number(Word.SCALE, 1e9, Word.DUAL_SCALE, "ملياران", "مليارين", "ملياري", "بليونين");
        number(Word.SCALE, 1e9, Word.PLURAL_SCALE, "مليارات", "بلايين");
        number(Word.SCALE, 1e12, 0, "ترليون", "تريليون");
        number(Word.SCALE, 1e12, Word.DUAL_SCALE, "ترليونين", "تريليونين");
        number(Word.SCALE, 1e12, Word.PLURAL_SCALE, "ترليونات", "تريليونات");
        number(Word.SCALE, 12, 0, "دزينة", "دستة");
        number(Word.SCALE, 12, Word.PLURAL_SCALE, "دزينات", "دستات");

        fraction(2, 1, "نصف");
        fraction(3, 1, "ثلث");
        fraction(4, 1, "ربع");
        fraction(5, 1, "خمس");
        fraction(6, 1, "سدس");
        fraction(7, 1, "سبع");
        fraction(8, 1, "ثمن");
        fraction(9, 1, "تسع");
        fraction(10, 1, "عشر");
        fraction(3, 2, "ثلثان", "ثلثين", "ثلثا", "ثلثي");
        fraction(4, 2, "ربعان", "ربعين");
        fraction(5, 2, "خمسان", "خمسين");
        fraction(3, 3, "أثلاث");
        fraction(4, 3, "أرباع");
        fraction(5, 3, "أخماس");
        fraction(6, 3, "أسداس");
        fraction(7, 3, "أسباع");
        fraction(8, 3, "أثمان");
        fraction(9, 3, "أتساع");
        fraction(10, 3, "أعشار");

        ordinal(1, Word.UNIT, 0, "أول", "أولى", "الأولى", "حادي", "حادية");
        ordinal(2, Word.UNIT, 0, "ثاني", "ثانية", "ثان");
        ordinal(3, Word.UNIT, 0, "ثالث", "ثالثة");
        ordinal(4, Word.UNIT, 0, "رابع", "رابعة");
        ordinal(5, Word.UNIT, 0, "خامس", "خامسة");
        ordinal(6, Word.UNIT, 0, "سادس", "سادسة");
        ordinal(7, Word.UNIT, 0, "سابع", "سابعة");
        ordinal(8, Word.UNIT, 0, "ثامن", "ثامنة");
        ordinal(9, Word.UNIT, 0, "تاسع", "تاسعة");
        ordinal(10, Word.UNIT, 0, "عاشر", "عاشرة");

        flag(Word.PERCENT, "بالمئة", "بالمائة", "بالمية", "بالميه");
        flag(Word.MINUS, "سالب", "ناقص");
        flag(Word.POINT, "فاصلة", "فاصله");
    }

    private void englishNumbers() {
        number(Word.UNIT, 0, 0, "zero", "nought", "naught");
        String[] units = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        for (int i = 0; i < units.length; i++) {
            number(Word.UNIT, i + 1, 0, units[i]);
        }
        String[] teens = {"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
        for (int i = 0; i < teens.length; i++) {
            number(Word.TEEN, i + 11, 0, teens[i]);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            number(Word.TENS, 20 + 10 * i, 0, tens[i]);
        }
        number(Word.HUNDRED, 100, 0, "hundred");
        number(Word.SCALE, 1e3, 0, "thousand");
        number(Word.SCALE, 1e6, 0, "million");
        number(Word.SCALE, 1e9, 0, "billion");
        number(Word.SCALE, 1e12, 0, "trillion");
        number(Word.SCALE, 1e5, 0, "lakh", "lakhs", "lac", "lacs");
        number(Word.SCALE, 1e7, 0, "crore", "crores", "cr", "krore", "krores");
        number(Word.SCALE, 12, 0, "dozen", "dozens", "dz", "dzs");
        number(Word.SCALE, 1e3, Word.PLURAL_SCALE, "thousands");
        number(Word.SCALE, 1e6, Word.PLURAL_SCALE, "millions");
        number(Word.SCALE, 1e9, Word.PLURAL_SCALE, "billions");
        number(Word.SCALE, 1e3, Word.ABBREV_SCALE, "k");
        number(Word.SCALE, 1e6, Word.ABBREV_SCALE, "m", "mn", "mln", "mm");
        number(Word.SCALE, 1e9, Word.ABBREV_SCALE, "b", "bn", "bln");
        number(Word.SCALE, 1e12, Word.ABBREV_SCALE, "tn", "tln", "trn", "trln");

        String[] ordUnits = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth"};
        for (int i = 0; i < ordUnits.length; i++) {
            ordinal(i + 1, Word.UNIT, Word.ORDINAL_END, ordUnits[i]);
        }
        String[] ordTeens = {"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth"};
        for (int i = 0; i < ordTeens.length; i++) {
            ordinal(i + 11, Word.TEEN, Word.ORDINAL_END, ordTeens[i]);
        }
        String[] ordTens = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
            "eightieth", "ninetieth"};
        for (int i = 0; i < ordTens.length; i++) {
            ordinal(20 + 10 * i, Word.TENS, Word.ORDINAL_END, ordTens[i]);
        }
        ordinal(100, Word.HUNDRED, Word.ORDINAL_END, "hundredth");
        ordinal(1000, Word.SCALE, Word.ORDINAL_END, "thousandth");
        ordinal(1000000, Word.SCALE, Word.ORDINAL_END, "millionth");

        fraction(2, 1, "half");
        fraction(2, 3, "halves");
        fraction(3, 1, "third");
        fraction(4, 1, "quarter");
        fraction(3, 3, "thirds");
        fraction(4, 3, "quarters");
        String[] denominators = {"fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
        for (int i = 0; i < denominators.length; i++) {
            fraction(i + 5, 1, denominators[i]);
            fraction(i + 5, 3, denominators[i] + "s");
        }
        fraction(100, 3, "hundredths");
        fraction(1000, 3, "thousandths");
        fraction(1000000, 1, "millionth");
        fraction(1000000000, 1, "billionth");
        fraction(1e12, 1, "trillionth");

        flag(Word.PERCENT, "percent", "pct", "percents", "pc");
        flag(Word.MINUS, "minus", "negative");
        flag(Word.POINT, "point");
    }

    private void functionWords() {
        flag(Word.AND | Word.STOP, "و", "and");
        flag(Word.TO | Word.STOP, "إلى", "الى", "حتى", "to", "through");
        flag(Word.BETWEEN | Word.STOP, "بين", "between");
        flag(Word.FROM | Word.STOP, "من", "from");
        flag(Word.OVER | Word.STOP, "على", "over");
        flag(Word.IN | Word.STOP, "في", "in");
        flag(Word.PER | Word.STOP, "a", "an", "per", "each");
        flag(Word.PAST, "الماضي", "الماضية", "الماضيين", "الماضيتين", "الفائت", "الفائتة", "المنصرم", "المنصرمة",
                "السابق", "last", "past", "previous");
        flag(Word.NEXT, "المقبل", "المقبلة", "القادم", "القادمة", "next", "coming");
        flag(Word.CURRENT, "الجاري", "الجارية", "الحالي", "الحالية", "this", "current");
        flag(Word.CODE, "المادة", "مادة", "البند", "بند", "الفقرة", "فقرة", "رقم", "الرقم", "القرار", "قرار",
                "القانون", "قانون", "الفصل", "الآية", "آية", "السورة", "هاتف", "الهاتف", "جوال", "ص.ب",
                "article", "no", "nos", "number", "resolution", "section", "chapter", "clause", "paragraph",
                "rule", "law", "bill", "flight", "route", "highway", "interstate", "room", "tel", "phone", "fax",
                "page", "pages", "item", "form", "regulation", "covid", "كوفيد", "كورونا", "سارس", "ميرس",
                "إف", "ميغ", "سوخوي", "بوينغ", "بوينج", "إيرباص", "ايرباص", "جي", "فورمولا", "عيار");
        flag(Word.YEAR_WORD, "عام", "العام", "سنة", "year", "fiscal");
        flag(Word.PERIOD, "العام", "السنة", "الشهر", "الأسبوع");
        flag(Word.STOP, "عن", "مع", "منذ", "خلال", "بعد", "قبل", "نحو", "حوالي", "حوالى", "قرابة", "أكثر", "أقل",
                "أن", "إن", "ان", "كان", "كانت", "قد", "لم", "لا", "ما", "هو", "هي", "هم", "التي", "الذي", "الذين",
                "أو", "او", "ثم", "كل", "بعض", "عدد", "نسبة", "بنسبة", "بقيمة", "مقابل", "فقط", "أيضا", "هذه", "هذا",
                "تلك", "ذلك", "عند", "لدى", "حيث", "كما", "بل", "وفق", "ضمن", "حول", "لكن", "غير", "سوى", "منها",
                "منهم", "فيها", "فيه", "عليها", "عليه", "إلا", "الا", "بنحو", "بحوالي", "تقريبا", "فأكثر", "فما",
                "of", "the", "for", "on", "at", "by", "with", "as", "than", "or", "but", "is", "are", "was", "were",
                "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "said",
                "says", "vs", "versus", "against", "up", "down", "into", "about", "around", "some", "more", "less",
                "from", "this", "that", "these", "those", "it", "its", "their", "his", "her", "they", "he", "she",
                "we", "which", "who", "after", "before", "since", "until", "during", "when", "while", "if", "not",
                "pct", "percent", "year", "years", "compared", "respectively", "share", "shares");
        for (String adjective : new String[] {"new", "more", "other", "additional", "further", "major", "small",
            "large", "big", "young", "old", "senior", "armed", "foreign", "local", "top", "key", "main", "separate",
            "different", "full", "straight", "consecutive", "previous", "last", "first", "common", "preferred",
            "ordinary", "outstanding", "domestic", "private", "public", "short", "long", "high", "low"}) {
            word(adjective).flags |= Word.ADJECTIVE;
        }
        Word per = word("a");
        per.flags |= Word.PER;
        // Relative day words resolve against the publication date; "today"/اليوم are left out on purpose: in news
        // they mostly mean "nowadays" or name a newspaper (الإمارات اليوم).
        relativeDay(-1, "أمس", "الأمس", "البارحة", "yesterday");
        relativeDay(1, "غدا", "غد", "tomorrow");
        String[][] weekdays = {
            {"الاثنين", "الإثنين", "monday"}, {"الثلاثاء", "tuesday"}, {"الأربعاء", "الاربعاء", "wednesday"},
            {"الخميس", "thursday"}, {"الجمعة", "friday"}, {"السبت", "saturday"}, {"الأحد", "sunday"}};
        for (int d = 0; d < weekdays.length; d++) {
            for (String f : weekdays[d]) {
                word(f).weekday = d + 1;
            }
        }
    }

    private void relativeDay(int offset, String... forms) {
        for (String f : forms) {
            word(f).dayOffset = offset;
        }
    }

    private void months() {
        String[][] months = {
            {"يناير", "كانون الثاني", "جانفي", "january", "jan"},
            {"فبراير", "شباط", "فيفري", "february", "feb"},
            {"مارس", "آذار", "march", "mar"},
            {"أبريل", "إبريل", "نيسان", "أفريل", "april", "apr"},
            {"مايو", "أيار", "ماي", "may"},
            {"يونيو", "يونيه", "حزيران", "جوان", "june", "jun"},
            {"يوليو", "يوليه", "تموز", "جويلية", "july", "jul"},
            {"أغسطس", "آب", "أوت", "august", "aug"},
            {"سبتمبر", "أيلول", "september", "sep", "sept"},
            {"أكتوبر", "تشرين الأول", "october", "oct"},
            {"نوفمبر", "تشرين الثاني", "november", "nov"},
            {"ديسمبر", "كانون الأول", "december", "dec"}};
        for (int m = 0; m < months.length; m++) {
            for (String f : months[m]) {
                if (f.indexOf(' ') < 0) {
                    word(f).month = m + 1;
                }
            }
        }
        // Four Levantine names are two words sharing a head, كانون/تشرين + الأول/الثاني; the date grammar reads the
        // second word, so the heads carry a marker instead of a month.
        word("كانون").month = DateGrammar.KANUN;
        word("تشرين").month = DateGrammar.TISHRIN;
        flag(Word.NEEDS_CONTEXT, "مارس", "آب", "ماي", "may", "march", "mar", "jan", "sep", "dec", "jun", "aug");
    }

    private void readUnits() {
        forEachRow("units.tsv", cols -> {
            Word w = word(cols[0]);
            w.unit = cols[1];
            w.unitKind = FigureKind.valueOf(cols[2]);
            w.isoDesignator = cols.length > 3 ? cols[3] : null;
        });
    }

    private void readCurrencies() {
        forEachRow("currencies.tsv", cols -> {
            switch (cols[0]) {
                case "word" -> {
                    Word w = word(cols[1]);
                    if (cols[1].length() == 1) {
                        symbols[cols[1].charAt(0)] = w;
                    }
                    w.currencyFamily = cols[2];
                    w.currencyDefault = "-".equals(cols[3]) ? null : cols[3];
                }
                case "adj" -> {
                    word(cols[1]).country = cols[2];
                    // The article and feminine/plural endings of Arabic adjectives: إماراتي, الإماراتية, أردنية.
                    if (Normalizer.isArabicLetter(cols[1].charAt(0))) {
                        word(cols[1] + "ة").country = cols[2];
                        word(cols[1] + "ه").country = cols[2];
                    }
                }
                case "iso" -> currencyByCountry.put(cols[1] + ":" + cols[2], cols[3]);
                default -> throw new IllegalStateException("bad currencies.tsv row " + String.join("\t", cols));
            }
        });
    }

    private void readArabicNouns() {
        forEachRow("ar-nouns.tsv", cols -> {
            String singular = cols[0];
            Word s = word(singular);
            if (s.singular == null) {
                s.singular = singular;
            }
            if (cols.length > 1) {
                for (String plural : cols[1].split(",")) {
                    Word p = word(plural);
                    if (p.singular == null) {
                        p.singular = singular;
                    }
                }
            }
            // Nouns with a broken or feminine plural have a dual that no plural can be mistaken for.
            boolean soundMasculine = cols.length > 1 && (cols[1].contains(singular + "ين")
                    || cols[1].contains(singular + "ون"));
            if (!soundMasculine) {
                String stem = singular.endsWith("ة") ? singular.substring(0, singular.length() - 1) + "ت" : singular;
                for (String ending : new String[] {"ين", "ان"}) {
                    Word d = word(stem + ending);
                    if (d.singular == null && !d.isNumber()) {
                        d.singular = singular;
                        d.dual = true;
                    }
                }
            }
        });
    }

    private interface RowHandler {
        void row(String[] cols);
    }

    private static void forEachRow(String resource, RowHandler handler) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    handler.row(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
