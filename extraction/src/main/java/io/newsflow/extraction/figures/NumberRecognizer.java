package io.newsflow.extraction.figures;

/**
 * Reads number phrases: digit groups with their scales (1.5 مليون, $3bn, 2.5 mln), Arabic and English number words
 * composed the way each language composes them, spoken decimals and signs; fractions bound to the phrase and
 * ratios are read by {@link FractionRecognizer}.
 *
 * <p>Arabic puts units before tens (خمسة وعشرون) and joins every part with و; English puts tens first and joins
 * with hyphens or nothing, using "and" only after hundreds and scales. One accumulator serves both, with the
 * order checked per language so that a phrase stops where the grammar stops (ثلاثة وخمسة is two numbers).
 */
final class NumberRecognizer {

    private NumberRecognizer() {
    }

    /**
     * The cardinal number phrase starting at token i, or null.
     *
     * @param moneyContext a currency precedes: the one-letter scales m and b (money only) are read
     */
    static NumberPhrase at(Doc d, int i, boolean moneyContext) {
        Token t = d.at(i);
        if (d.arabic && t.conjunction && t.isNumberWord() && d.lexicon.in(WordList.NAME_AFTER, d.stemKey(i + 1))) {
            return null;  // وست هام, وست بروميتش: West in a club's name, not "and six"
        }
        int j = i;
        boolean negative = false;
        if (t.has(Role.MINUS) && startsNumber(d, i + 1)) {
            negative = true;
            j++;
        } else if (d.isDash(i) && d.attached(i) && d.at(i + 1).type == TokenType.DIGITS
                && (t.spaceBefore || d.isSymbol(i - 1, '('))) {
            negative = true;
            j++;
        }
        boolean detached = false;
        if (!negative && d.isDash(i) && !d.attached(i) && d.at(i + 1).type == TokenType.DIGITS) {
            if (!valueExpected(d, i) && i != 0) {
                return null;
            }
            negative = true;
            detached = true;
            j++;
        }
        NumberPhrase n = ArabicParts.ambiguousFraction(d, j);
        if (n == null) {
            n = phrase(d, j, moneyContext);
        }
        if (n == null) {
            n = FractionRecognizer.standalone(d, j);
            if (n == null) {
                n = ArabicParts.partOf(d, j);
            }
            if (n == null) {
                return null;
            }
        } else {
            n = FractionRecognizer.mixed(d, FractionRecognizer.tail(d, n));
        }
        n = FractionRecognizer.ratio(d, FractionRecognizer.ofScale(d, n), moneyContext);
        if (detached && !valueExpected(d, i) && n.last() + 1 < d.size()) {
            return null;  // "- 12 people were hurt", "- 549\n\nطفلاً": a dash opening a line is a bullet
        }
        return negative ? n.negated(i) : n;
    }

    /**
     * A dash set apart from the number after it is a minus sign where a value is expected before it ("fell to - 12",
     * "= - 3"); at the start of a text it is one only when the number is the whole text (a table cell, a form
     * field), since a dash opening a line is a bullet.
     */
    private static boolean valueExpected(Doc d, int dash) {
        Token before = d.at(dash - 1);
        return !d.lineStart(dash) && (before.isWord() || before.type == TokenType.SYMBOL)
                && (d.lexicon.in(WordList.VALUE_BEFORE, d.stemKey(dash - 1)) || d.isSymbol(dash - 1, '=')
                || d.isSymbol(dash - 1, '('));
    }

    static boolean startsNumber(Doc d, int i) {
        Token t = d.at(i);
        return t.type == TokenType.DIGITS || (t.isNumberWord() && !t.has(Role.TEEN_ONLY));
    }

    /** The composed phrase at i without fractions or ratios, or null. */
    static NumberPhrase phrase(Doc d, int i, boolean moneyContext) {
        Token first = d.at(i);
        boolean leadingA = false;
        if (d.english && first.has(Role.PER) && d.at(i + 1).isNumberWord()
                && d.at(i + 1).entry.numClass.compareTo(NumberClass.HUNDRED) >= 0
                && !d.at(i + 1).has(Role.ABBREV_SCALE) && !d.at(i + 1).has(Role.PLURAL_SCALE)) {
            leadingA = true;  // "a hundred", "a million", "a dozen"
        }
        if (d.english && first.has(Role.PER) && "couple".equalsIgnoreCase(d.surface(i + 1))) {
            return NumberPhrase.ofWords(i, i + 1, 2, false);
        }
        if (d.english && first.has(Role.PER) && first.end - first.start <= 2 && d.at(i + 1).type == TokenType.LATIN
                && !d.at(i + 1).capitalized && d.at(i + 1).entry != null && d.at(i + 1).entry.currencyFamily != null
                && d.lexicon.in(WordList.ONE_BY_ARTICLE, d.surface(i + 1))) {
            return NumberPhrase.ofWords(i, i, 1, false);  // a dollar, an euro: the article counts one
        }
        if (d.english && first.has(Role.POINT) && d.at(i + 1).type == TokenType.DIGITS) {
            return spokenDecimal(d, i, i, 0);  // "point 77"; فاصل 5 دقائق is a break of five minutes
        }
        double total = 0;
        double current = 0;
        NumberClass lastClass = null;
        double lastScale = 0;
        double lastPart = 0;
        boolean lastAfterConnector = false;
        int partsSinceConnector = 0;
        double scaleBeforeConnector = 1;
        boolean words = false;
        boolean hasScale = false;
        boolean ordinal = false;
        int k = leadingA ? i + 1 : i;
        if (leadingA) {
            current = 1;
            lastClass = NumberClass.UNIT;
        }
        boolean any = leadingA;
        int end = -1;
        while (k < d.size()) {
            Token a = d.at(k);
            int c = k;
            boolean joined = false;
            boolean hyphen = false;
            if (any) {
                if (d.isAndWord(k) && (d.at(k + 1).type == TokenType.DIGITS || d.at(k + 1).isNumberWord()
                        || (d.english && d.at(k + 1).entry != null && d.at(k + 1).entry.ordinal > 0))) {
                    joined = true;
                    c = k + 1;
                } else if (a.type == TokenType.ARABIC && a.conjunction && a.isNumberWord()) {
                    joined = true;
                } else if (d.english && d.isDash(k) && d.attached(k) && d.attached(k - 1)
                        && d.at(k - 1).isWord() && d.at(k + 1).isWord()) {
                    hyphen = true;
                    c = k + 1;
                } else if (d.english && d.isDash(k) && (d.attached(k) || d.at(k + 1).lineBefore) && d.attached(k - 1)
                        && lastClass == NumberClass.DIGITS && d.at(k + 1).isNumberWord()
                        && d.at(k + 1).entry.numClass == NumberClass.SCALE) {
                    // a 2.1-billion-dlr buyout, a 50-mln-share offering: the scale joined to its digits, the line
                    // perhaps wrapped after the hyphen
                    c = k + 1;
                } else if (d.english && d.isDash(k) && lastClass == NumberClass.TENS && d.at(k + 1).isNumberWord()
                        && d.at(k + 1).entry.numClass == NumberClass.UNIT && d.at(k + 1).entry.number >= 1
                        && !d.at(k + 1).lineBefore) {
                    hyphen = true;  // forty - one: a hyphen set apart by spaces
                    c = k + 1;
                } else if (d.english && d.isAndWord(k)) {
                    break;
                }
            }
            a = d.at(c);
            if (any && (d.at(k).paragraphBefore || a.paragraphBefore)) {
                break;  // "84.6 mln\n    Nine months": the next paragraph starts a new phrase
            }
            NumberClass cls;
            double v;
            boolean isOrdinal = false;
            int partEnd = c;
            if (a.type == TokenType.DIGITS) {
                if (!Double.isFinite(a.value) || a.dotted) {
                    break;  // an IP address, a version: a code, never part of a number
                }
                cls = NumberClass.DIGITS;
                DigitForms.Digits digits = DigitForms.at(d, c, !any);
                v = digits.value();
                partEnd = digits.last();
            } else if (a.isWord() && a.entry != null && d.english && a.entry.ordinal > 0 && a.has(Role.ORDINAL_END)) {
                cls = a.entry.ordinalClass;
                v = a.entry.ordinal;
                isOrdinal = true;
            } else if (a.isNumberWord()) {
                cls = a.entry.numClass;
                v = a.entry.number;
            } else {
                break;
            }
            Word w = a.entry;
            boolean attachedToPrev = c > 0 && !a.spaceBefore;
            boolean ok;
            if (!any) {
                ok = !is(w, Role.TEEN_ONLY) && !is(w, Role.PLURAL_SCALE) && !is(w, Role.ABBREV_SCALE)
                        || is(w, Role.TEEN_ONLY) && d.at(c + 1).isNumberWord()
                            && d.at(c + 1).entry.numClass == NumberClass.TEN_SUFFIX && !d.at(c + 1).conjunction;
                if (cls == NumberClass.TEN_SUFFIX) {
                    cls = NumberClass.UNIT;
                }
                if (cls == NumberClass.HUNDRED && d.english && !isOrdinal && !leadingA) {
                    ok = false;  // "hundred" alone is not a number in running text
                }
                if (cls == NumberClass.SCALE && d.english && !isOrdinal) {
                    ok = false;  // nor is "million" without a count
                }
            } else if (cls == NumberClass.DIGITS) {
                Token after = d.at(partEnd + 1);
                ok = joined && (lastClass == NumberClass.HUNDRED || lastClass == NumberClass.SCALE) && !ordinal
                        && v < (lastClass == NumberClass.SCALE ? lastScale : 100)
                        // "5.10 billion and 4.25 billion" is two figures in English; مليارين و480 مليون is one
                        && !(d.english && after.isNumberWord() && after.entry.numClass == NumberClass.SCALE)
                        // مليون و500 ألف goes on; بين 40 مليارا و42 مليار دولار is two numbers, no part reaching the
                        // scale before it
                        && !(after.isNumberWord() && after.entry.numClass == NumberClass.SCALE && !after.conjunction
                        && v * after.entry.number >= lastScale);
            } else if (is(w, Role.ABBREV_SCALE)) {
                String s = d.surface(c);
                boolean moneyOnly = s.equals("m") || s.equals("b") || s.equals("mm");
                boolean afterWords = lastClass != NumberClass.DIGITS && s.length() > 1 && !attachedToPrev;
                boolean code = attachedToPrev && d.isDash(c + 1) && d.attached(c) && d.attached(c + 1)
                        && d.at(c + 2).type == TokenType.DIGITS;  // rule 10B-13: a code, not ten billion
                ok = (lastClass == NumberClass.DIGITS || afterWords) && !joined && !hyphen && !code
                        && (!moneyOnly || moneyContext) && (attachedToPrev || s.length() > 1 || s.equals("k"));
                // five mln dlrs: the wire abbreviates the scale after words too
            } else if (d.arabic || a.type == TokenType.ARABIC) {
                if (cls == NumberClass.TEN_SUFFIX && joined
                        && (lastClass == NumberClass.HUNDRED || lastClass == NumberClass.SCALE)) {
                    cls = NumberClass.UNIT;  // مئة وعشرة: ten is a unit after hundreds, a suffix only after units
                }
                ok = arabicContinues(cls, lastClass, joined, v, current, w, lastScale);
            } else {
                ok = englishContinues(cls, lastClass, joined || hyphen, w);
            }
            if (!ok) {
                break;
            }
            switch (cls) {
                case DIGITS, UNIT, TEEN, TENS -> current += v;
                case TEN_SUFFIX -> current += 10;
                case HUNDRED -> {
                    if (d.english || a.type == TokenType.LATIN) {
                        current = (current == 0 ? 1 : current) * 100;
                    } else if (v == 100 && !joined && current >= 1 && current <= 9) {
                        current *= 100;
                    } else {
                        current += v;
                    }
                }
                case SCALE -> {
                    if (lastClass == NumberClass.DIGITS && v >= 1e6 && current >= v) {
                        // 19,999,938 مليون ريال: the digits already write the whole amount, the scale only names
                        // its size (no project of a city costs twenty trillion riyals)
                        total += current;
                        current = 0;
                        hasScale = true;
                    } else if (lastClass == NumberClass.SCALE && !joined && v > lastScale) {
                        total = (total + current) * v;  // مائة ألف تريليون, hundred thousand million
                        current = 0;
                    } else {
                        if (current == 0 && (is(w, Role.DUAL_SCALE) || total == 0 && nominativeDual(d, c))) {
                            current = 2;
                        }
                        if (v < 1000 && current == 0) {
                            current = 1;  // دزينة, dozen
                        }
                        total += (current == 0 ? 1 : current) * v;
                        current = 0;
                        hasScale = true;
                    }
                    lastScale = v;
                }
            }
            if (joined || (d.english && d.isAndWord(c - 1))) {
                lastAfterConnector = true;
                partsSinceConnector = 1;
                scaleBeforeConnector = lastClass == NumberClass.SCALE ? lastScale : 1;
            } else {
                partsSinceConnector++;
            }
            lastPart = v;
            words |= a.isWord();
            lastClass = is(w, Role.TEEN_ONLY) ? NumberClass.UNIT : cls;
            any = true;
            end = partEnd;
            k = partEnd + 1;
            if (isOrdinal) {
                ordinal = true;
                break;
            }
        }
        if (!any || end < 0 || end == i && constructDualAlone(d, i)) {
            return null;
        }
        boolean plainDigits = end == i && first.type == TokenType.DIGITS && !first.grouped && !first.decimal;
        if (d.at(end + 1).has(Role.POINT) && !hasScale && !ordinal) {
            NumberPhrase dec = spokenDecimal(d, end + 1, i, total + current);
            if (dec != null) {
                return dec;
            }
        }
        return new NumberPhrase(i, end, total + current, words, ordinal, plainDigits, hasScale, lastScale, lastPart,
                lastAfterConnector, partsSinceConnector, scaleBeforeConnector, lastClass);
    }

    /**
     * ألفي, مليوني: a dual in the construct state has the noun it counts after it; with none (الفي أن, a family
     * name) it is no number.
     */
    private static boolean constructDualAlone(Doc d, int i) {
        Token t = d.at(i);
        Token next = d.at(i + 1);
        return d.arabic && t.type == TokenType.ARABIC && is(t.entry, Role.DUAL_SCALE)
                && d.text.charAt(t.end - 1) != 'ن' && (next == Doc.NONE || next.lineBefore
                || next.type != TokenType.ARABIC || next.has(Role.STOP));
    }

    /**
     * مليارا دولار, مليونا شخص: a million or a billion written with a final alef and no count before it is the dual
     * in the construct state when the noun it counts follows at once (the accusative مليارا, "a billion", would
     * take no genitive).
     */
    private static boolean nominativeDual(Doc d, int i) {
        Token t = d.at(i);
        Word next = d.at(i + 1).entry;
        return d.arabic && t.entry.number >= 1e6 && d.text.charAt(t.end - 1) == '\u0627' && next != null
                && !d.at(i + 1).conjunction && !d.at(i + 1).definite && !d.at(i + 1).lineBefore
                && (next.namesCurrency() || next.singular != null && !next.dual);
    }

    private static boolean is(Word w, Role role) {
        return w != null && w.has(role);
    }

    private static boolean arabicContinues(NumberClass cls, NumberClass last, boolean joined, double v,
                                           double current, Word w, double lastScale) {
        if (is(w, Role.TEEN_ONLY)) {
            return false;
        }
        return switch (cls) {
            case UNIT, TEEN -> joined && (last == NumberClass.HUNDRED || last == NumberClass.SCALE);
            case TEN_SUFFIX -> !joined && last == NumberClass.UNIT && current % 100 >= 1 && current % 100 <= 9;
            case TENS -> joined && (last == NumberClass.UNIT || last == NumberClass.HUNDRED
                    || last == NumberClass.SCALE || (last == NumberClass.DIGITS && current % 10 != 0 && current < 10));
            case HUNDRED -> (!joined && v == 100 && (last == NumberClass.UNIT || last == NumberClass.DIGITS)
                    && current >= 1 && current <= 9) || (joined && last == NumberClass.SCALE);
            case SCALE -> is(w, Role.DUAL_SCALE)
                    ? joined && last == NumberClass.SCALE && v < lastScale
                    : (!joined && last != NumberClass.SCALE && current > 0)
                        || (joined && last == NumberClass.SCALE && v < lastScale)
                        || (!joined && last == NumberClass.SCALE && v > lastScale);  // ألف ملايين as ألف مليون
            default -> false;
        };
    }

    private static boolean englishContinues(NumberClass cls, NumberClass last, boolean joined, Word w) {
        return switch (cls) {
            case UNIT -> last == NumberClass.TENS || last == NumberClass.HUNDRED || last == NumberClass.SCALE;
            case TEEN, TENS -> last == NumberClass.HUNDRED || last == NumberClass.SCALE;
            case HUNDRED -> !joined && (last == NumberClass.UNIT || last == NumberClass.TEEN
                    || last == NumberClass.TENS || last == NumberClass.DIGITS);
            case SCALE -> !joined && last != null;
            default -> false;
        };
    }

    /** "two point five", "1 فاصلة 1", "point 77": the digits after the point are read one by one. */
    private static NumberPhrase spokenDecimal(Doc d, int point, int first, double whole) {
        StringBuilder digits = new StringBuilder();
        int k = point + 1;
        if (d.at(k).type == TokenType.DIGITS && !d.at(k).decimal) {
            digits.append(d.at(k).digits);
        } else {
            while (d.at(k).isNumberWord() && d.at(k).entry.number < 100
                    && d.at(k).entry.numClass != NumberClass.SCALE) {
                digits.append((long) d.at(k).entry.number);
                k++;
            }
            k--;
        }
        if (digits.length() == 0) {
            return null;
        }
        double value = whole + Double.parseDouble("0." + digits);
        Token scale = d.at(k + 1);
        if (scale.isNumberWord() && scale.entry.numClass == NumberClass.SCALE && !scale.has(Role.PLURAL_SCALE)) {
            return NumberPhrase.ofWords(first, k + 1, value * scale.entry.number, true);
        }
        return NumberPhrase.ofWords(first, k, value, false);
    }
}
