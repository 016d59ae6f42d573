package io.newsflow.extraction.figures;

/** What a word tells the figure rules besides its value; the lexicon files list each word's roles. */
enum Role {
    /** A function word: never a counted noun. */
    STOP,
    /** pct, percent, بالمئة. */
    PERCENT,
    /** minus, negative, سالب. */
    MINUS,
    /** point, فاصلة: a spoken decimal point. */
    POINT,
    /** and, و. */
    AND,
    /** to, إلى, حتى: the second half of a range. */
    TO,
    /** between, بين. */
    BETWEEN,
    /** from, من. */
    FROM,
    /** over, على: X over Y is a fraction. */
    OVER,
    /** last, الماضي: resolves a month or weekday backwards. */
    PAST,
    /** next, المقبل. */
    NEXT,
    /** article, No., المادة, رقم: the number after it is a label. */
    CODE,
    /** آلاف, ملايين, thousands: needs a count before it. */
    PLURAL_SCALE,
    /** ألفين, مليونين: two of the scale by itself. */
    DUAL_SCALE,
    /** أحد, إحدى: "one" only inside eleven. */
    TEEN_ONLY,
    /** نص: a fraction only after و joined to a number (ثلاث ونص); alone it is "text". */
    JOINED_ONLY,
    /** An English ordinal word ends a number phrase. */
    ORDINAL_END,
    /** A month name that is also a common word (May, مارس). */
    NEEDS_CONTEXT,
    /** k, m, bn, mln: a scale written as a suffix. */
    ABBREV_SCALE,
    /** الجاري, this: the current year or month. */
    CURRENT,
    /** An English adjective that may stand between a number and its noun. */
    ADJECTIVE,
    /** in, في: "1 in 4" is a fraction. */
    IN,
    /** عام, سنة, year: a number after it is a year. */
    YEAR_WORD,
    /** a, per: "$70 a share" is a price, not a count. */
    PER,
    /** العام, الشهر, الأسبوع: with الماضي they name a relative date. */
    PERIOD,
    /** ثالثا, رابعا: an Arabic ordinal in the accusative, a rank only after a verb of placing (PLACING). */
    ADVERBIAL
}
