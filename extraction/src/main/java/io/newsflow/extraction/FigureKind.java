package io.newsflow.extraction;

public enum FigureKind { COUNT, NUMBER, PERCENT, MONEY, QUANTITY, ORDINAL, DATE, DURATION, RANGE }
