package io.newsflow.extraction.figures;

/** The grammatical number of a fraction noun: ربع (a quarter), ربعين (two quarters), أرباع (quarters). */
enum GrammaticalNumber { SINGULAR, DUAL, PLURAL }
