package io.newsflow.extraction.figures;

/** What a token of a story is: a digit group, an Arabic or Latin word, or one symbol. */
enum TokenType { DIGITS, ARABIC, LATIN, SYMBOL }
