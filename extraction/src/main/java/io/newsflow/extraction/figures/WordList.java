package io.newsflow.extraction.figures;

/** The closed word lists of {@code lists.tsv}; each constant's meaning is documented in that file. */
enum WordList { BALANCE, COUNTABLE, PERIOD_EDGE, MONTH_CUE, PREVIOUS, VAGUE_BEFORE, VAGUE_AFTER, SHARES, NAME_AFTER, HIJRI_MONTH, ZERO_NAMES, VALUE_BEFORE, NAME_HEAD, PARTITIVE, GROUP_DETERMINER, TIME_ZONE, PHONE_CUE, ONE_BY_ARTICLE, DUAL_NAMES, TABLE_CHANGE, OTHERS, NUMBERED_NAME, SINCE }
