package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Everything the lexicons know about one word form. A form can play several roles (خمس is "five" and "a fifth",
 * "second" is an ordinal and a unit); the grammar picks the role from context.
 */
final class Word {

    // Cardinal classes, in the order Arabic and English compose them.
    static final int UNIT = 1;        // 0-10 (عشرة, ten)
    static final int TEEN = 2;        // 11-19 written as one word
    static final int TEN_SUFFIX = 3;  // عشر/عشرة after a unit: three + ten = thirteen
    static final int TENS = 4;        // 20-90
    static final int HUNDRED = 5;     // مئة, ثلاثمائة (a value) and hundred (a multiplier)
    static final int SCALE = 6;       // thousand and up, dozen, lakh: multiply the group before them

    // Flags.
    static final int STOP = 1;            // function word: never a counted noun
    static final int PERCENT = 1 << 1;    // pct, percent, بالمئة
    static final int MINUS = 1 << 2;      // minus, negative, سالب
    static final int POINT = 1 << 3;      // point, فاصلة: spoken decimal point
    static final int AND = 1 << 4;        // and, و
    static final int TO = 1 << 5;         // to, إلى, حتى: second half of a range
    static final int BETWEEN = 1 << 6;    // between, بين
    static final int FROM = 1 << 7;       // from, من
    static final int OVER = 1 << 8;       // over, على: X over Y is a fraction
    static final int PAST = 1 << 9;       // last, الماضي: resolves a month or weekday backwards
    static final int NEXT = 1 << 10;      // next, المقبل
    static final int CODE = 1 << 11;      // article, No., المادة, رقم: the number after it is a label
    static final int PLURAL_SCALE = 1 << 12; // آلاف, ملايين, thousands: needs a count before it
    static final int DUAL_SCALE = 1 << 13;   // ألفين, مليونين: two of the scale by itself
    static final int TEEN_ONLY = 1 << 14;    // أحد, إحدى: "one" only inside eleven
    static final int ORDINAL_END = 1 << 15;  // English ordinal words end a number phrase
    static final int NEEDS_CONTEXT = 1 << 16; // month names that are also common words (May, مارس)
    static final int ABBREV_SCALE = 1 << 17;  // k, m, bn, mln: scale written as a suffix
    static final int CURRENT = 1 << 18;      // الجاري, this: the current year or month
    static final int ADJECTIVE = 1 << 19;    // English adjective that may stand between a number and its noun
    static final int IN = 1 << 20;           // in, في: "1 in 4" is a fraction
    static final int YEAR_WORD = 1 << 21;    // عام, سنة, year: a number after it is a year
    static final int PER = 1 << 22;          // a, per: "$70 a share" is a price, not a count
    static final int PERIOD = 1 << 23;       // العام, الشهر, الأسبوع: with الماضي they name a relative date

    double number = Double.NaN;
    int numClass;
    double denominator;    // fraction word: 1/denominator
    int fractionForm;      // 1 singular, 2 dual, 3 plural
    int ordinal;
    int ordinalClass;      // the cardinal class of an ordinal word, for compounds
    int month;
    int weekday;           // ISO: Monday = 1
    int dayOffset;         // relative day words: yesterday = -1
    String unit;
    FigureKind unitKind;
    String isoDesignator;  // DURATION: D, W, M, Y, TH ...
    String currencyFamily;
    String currencyDefault;
    String country;
    String singular;       // counted-noun lexicon: the singular this form normalises to
    boolean dual;          // the form is the dual of singular
    int flags;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean isNumber() {
        return numClass != 0;
    }
}
