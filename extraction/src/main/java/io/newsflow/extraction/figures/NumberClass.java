package io.newsflow.extraction.figures;

/** The place of a cardinal component in the order Arabic and English compose numbers. */
enum NumberClass {
    /** A digit group, whatever its size. */
    DIGITS,
    /** 0-10 (عشرة, ten). */
    UNIT,
    /** 11-19 written as one word. */
    TEEN,
    /** عشر/عشرة after a unit: three + ten = thirteen. */
    TEN_SUFFIX,
    /** 20-90. */
    TENS,
    /** مئة, ثلاثمائة (a value) and hundred (a multiplier). */
    HUNDRED,
    /** Thousand and up, dozen, lakh: multiply the group before them. */
    SCALE
}
