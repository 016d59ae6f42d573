package io.newsflow.extraction.figures;

/**
 * Reads number phrases: digit groups with their scales (1.5 مليون, $3bn, 2.5 mln), Arabic and English number words
 * composed the way each language composes them, spoken decimals and fractions, and signs.
 *
 * <p>Arabic puts units before tens (خمسة وعشرون) and joins every part with و; English puts tens first and joins
 * with hyphens or nothing, using "and" only after hundreds and scales. One accumulator serves both, with the
 * order checked per language so that a phrase stops where the grammar stops (ثلاثة وخمسة is two numbers).
 */
final class NumberGrammar {

    private NumberGrammar() {
    }

    /** The cardinal number phrase starting at token i, or null. */
    static Num cardinal(Doc d, int i, boolean moneyContext) {
        Token t = d.at(i);
        int j = i;
        boolean negative = false;
        if (t.has(Word.MINUS) && startsNumber(d, i + 1)) {
            negative = true;
            j++;
        } else if (d.isDash(i) && d.attached(i) && d.at(i + 1).type == Token.DIGITS
                && (t.spaceBefore || d.isSymbol(i - 1, '('))) {
            negative = true;
            j++;
        }
        Num n = core(d, j, moneyContext);
        if (n == null) {
            n = standaloneFraction(d, j);
            if (n == null) {
                return null;
            }
        } else {
            fractionTail(d, n);
        }
        ratio(d, n);
        if (negative) {
            n.first = i;
            n.value = -n.value;
            n.plainDigits = false;
        }
        return n;
    }

    static boolean startsNumber(Doc d, int i) {
        Token t = d.at(i);
        return t.type == Token.DIGITS || (t.isNumberWord() && !t.has(Word.TEEN_ONLY));
    }

    private static Num core(Doc d, int i, boolean moneyContext) {
        Token first = d.at(i);
        boolean leadingA = false;
        if (d.english && first.has(Word.PER) && d.at(i + 1).isNumberWord()
                && d.at(i + 1).entry.numClass >= Word.HUNDRED && !d.at(i + 1).has(Word.ABBREV_SCALE)
                && !d.at(i + 1).has(Word.PLURAL_SCALE)) {
            leadingA = true;  // "a hundred", "a million", "a dozen"
        }
        if (d.english && first.has(Word.PER) && "couple".equalsIgnoreCase(d.surface(i + 1))) {
            Num couple = new Num(i);
            couple.value = 2;
            couple.words = true;
            couple.last = i + 1;
            return couple;
        }
        if (first.has(Word.POINT) && d.at(i + 1).type == Token.DIGITS) {
            return spokenDecimal(d, i, i, 0);  // "point 77"
        }
        double total = 0;
        double current = 0;
        int lastClass = 0;
        Num n = new Num(i);
        int k = leadingA ? i + 1 : i;
        if (leadingA) {
            current = 1;
            lastClass = Word.UNIT;
        }
        boolean any = leadingA;
        int end = -1;
        while (k < d.size()) {
            Token a = d.at(k);
            int c = k;
            boolean joined = false;
            boolean hyphen = false;
            if (any) {
                if (d.isAndWord(k) && (d.at(k + 1).type == Token.DIGITS || d.at(k + 1).isNumberWord()
                        || (d.english && d.at(k + 1).entry != null && d.at(k + 1).entry.ordinal > 0))) {
                    joined = true;
                    c = k + 1;
                } else if (a.type == Token.ARABIC && a.conjunction && a.isNumberWord()) {
                    joined = true;
                } else if (d.english && d.isDash(k) && d.attached(k) && d.attached(k - 1)
                        && d.at(k - 1).isWord() && d.at(k + 1).isWord()) {
                    hyphen = true;
                    c = k + 1;
                } else if (d.english && d.isAndWord(k)) {
                    break;
                }
            }
            a = d.at(c);
            if (any && (d.at(k).paragraphBefore || a.paragraphBefore)) {
                break;  // "110.3 mln\n    Nine months": the next paragraph starts a new phrase
            }
            int cls;
            double v;
            boolean ordinal = false;
            int compEnd = c;
            if (a.type == Token.DIGITS) {
                if (!Double.isFinite(a.value)) {
                    break;
                }
                cls = -1;
                double[] out = new double[1];
                compEnd = digitsAt(d, c, out, !any);
                v = out[0];
            } else if (a.isWord() && a.entry != null && d.english && a.entry.ordinal > 0
                    && a.has(Word.ORDINAL_END)) {
                cls = a.entry.ordinalClass;
                v = a.entry.ordinal;
                ordinal = true;
            } else if (a.isNumberWord()) {
                cls = a.entry.numClass;
                v = a.entry.number;
            } else {
                break;
            }
            Word w = a.entry;
            int flags = w == null ? 0 : w.flags;
            boolean attachedToPrev = c > 0 && !a.spaceBefore;
            // Decide whether this component continues the phrase.
            boolean ok;
            if (!any) {
                ok = (flags & (Word.TEEN_ONLY | Word.PLURAL_SCALE | Word.ABBREV_SCALE)) == 0
                        || ((flags & Word.TEEN_ONLY) != 0 && d.at(c + 1).isNumberWord()
                            && d.at(c + 1).entry.numClass == Word.TEN_SUFFIX && !d.at(c + 1).conjunction);
                if (cls == Word.TEN_SUFFIX) {
                    cls = Word.UNIT;
                }
                if (cls == Word.HUNDRED && d.english && !ordinal && !leadingA) {
                    ok = false;  // "hundred" alone is not a number in running text
                }
                if (cls == Word.SCALE && d.english && !ordinal) {
                    ok = false;  // nor is "million" without a count
                }
            } else if (cls == -1) {
                Token after = d.at(compEnd + 1);
                ok = joined && (lastClass == Word.HUNDRED || lastClass == Word.SCALE) && !n.ordinal
                        && v < (lastClass == Word.SCALE ? n.lastScale : 100)
                        // "4.90 billion and 3.83 billion" is two figures in English; مليارين و480 مليون is one
                        && !(d.english && after.isNumberWord() && after.entry.numClass == Word.SCALE);
            } else if ((flags & Word.ABBREV_SCALE) != 0) {
                String s = d.surface(c);
                boolean moneyOnly = s.equals("m") || s.equals("b") || s.equals("mm");
                ok = lastClass == -1 && !joined && !hyphen && (!moneyOnly || moneyContext)
                        && (attachedToPrev || s.length() > 1 || s.equals("k"));
            } else if (d.arabic || a.type == Token.ARABIC) {
                ok = arabicContinues(cls, lastClass, joined, v, current, flags, n);
            } else {
                ok = englishContinues(cls, lastClass, joined || hyphen, flags);
            }
            if (!ok) {
                break;
            }
            // Apply it.
            if (cls == -1 || cls == Word.UNIT || cls == Word.TEEN || cls == Word.TENS) {
                current += v;
            } else if (cls == Word.TEN_SUFFIX) {
                current += 10;
            } else if (cls == Word.HUNDRED) {
                if (d.english || a.type == Token.LATIN) {
                    current = (current == 0 ? 1 : current) * 100;
                } else if (v == 100 && !joined && current >= 1 && current <= 9) {
                    current *= 100;
                } else {
                    current += v;
                }
            } else if (cls == Word.SCALE && lastClass == Word.SCALE && !joined && v > n.lastScale) {
                total = (total + current) * v;  // مائة ألف تريليون, hundred thousand million
                current = 0;
                n.lastScale = v;
            } else if (cls == Word.SCALE) {
                if ((flags & Word.DUAL_SCALE) != 0 && current == 0) {
                    current = 2;
                }
                if (v < 1000 && current == 0) {
                    current = 1;  // دزينة, dozen
                }
                total += (current == 0 ? 1 : current) * v;
                current = 0;
                n.hasScale = true;
                n.lastScale = v;
            }
            if (joined || (d.english && d.isAndWord(c - 1))) {
                n.lastAfterConnector = true;
                n.componentsSinceConnector = 1;
                n.scaleBeforeConnector = lastClass == Word.SCALE ? n.lastScale : 1;
            } else {
                n.componentsSinceConnector++;
            }
            n.lastPart = v;
            n.words |= a.isWord();
            lastClass = (flags & Word.TEEN_ONLY) != 0 ? Word.UNIT : cls;
            any = true;
            end = compEnd;
            k = compEnd + 1;
            if (ordinal) {
                n.ordinal = true;
                break;
            }
        }
        if (!any || end < 0) {
            return null;
        }
        n.last = end;
        n.value = total + current;
        n.lastClass = lastClass;
        n.plainDigits = end == i && first.type == Token.DIGITS && !first.grouped && !first.decimal;
        if (d.at(end + 1).has(Word.POINT) && !n.hasScale && !n.ordinal) {
            Num dec = spokenDecimal(d, end + 1, i, n.value);
            if (dec != null) {
                return dec;
            }
        }
        return n;
    }

    private static boolean arabicContinues(int cls, int last, boolean joined, double v, double current, int flags,
                                           Num n) {
        if ((flags & Word.TEEN_ONLY) != 0) {
            return false;
        }
        switch (cls) {
            case Word.UNIT:
            case Word.TEEN:
                return joined && (last == Word.HUNDRED || last == Word.SCALE);
            case Word.TEN_SUFFIX:
                return !joined && (last == Word.UNIT) && current % 100 >= 1 && current % 100 <= 9;
            case Word.TENS:
                return joined && (last == Word.UNIT || last == Word.HUNDRED || last == Word.SCALE
                        || (last == -1 && current % 10 != 0 && current < 10));
            case Word.HUNDRED:
                return (!joined && v == 100 && (last == Word.UNIT || last == -1) && current >= 1 && current <= 9)
                        || (joined && last == Word.SCALE);
            case Word.SCALE:
                if ((flags & Word.DUAL_SCALE) != 0) {
                    return joined && last == Word.SCALE && v < n.lastScale;
                }
                return (!joined && last != Word.SCALE && current > 0)
                        || (joined && last == Word.SCALE && v < n.lastScale)
                        || (!joined && last == Word.SCALE && v > n.lastScale && (flags & Word.PLURAL_SCALE) == 0);
            default:
                return false;
        }
    }

    private static boolean englishContinues(int cls, int last, boolean joined, int flags) {
        if ((flags & Word.PLURAL_SCALE) != 0) {
            return false;  // "three thousands" is not how numbers are written; "thousands" stands alone
        }
        switch (cls) {
            case Word.UNIT:
                return last == Word.TENS || last == Word.HUNDRED || last == Word.SCALE;
            case Word.TEEN:
            case Word.TENS:
                return last == Word.HUNDRED || last == Word.SCALE;
            case Word.HUNDRED:
                return !joined && (last == Word.UNIT || last == Word.TEEN || last == Word.TENS || last == -1);
            case Word.SCALE:
                return !joined && last != 0;
            default:
                return false;
        }
    }


    /**
     * The value of the digit group at i, also reading the written forms around it: exponents (1e10, ٢,٥^-١),
     * the reversed decimals of Arabic typesetting (5ر47 is 47.5), and numbers grouped by spaces (40 000).
     * Returns the index of the last token used.
     */
    static int digitsAt(Doc d, int i, double[] out, boolean first) {
        Token t = d.at(i);
        double v = t.value;
        int end = i;
        if (first && !t.decimal && !t.grouped && t.integerDigits <= 3) {
            // 1 234 567: a space before groups of exactly three digits, all on one line.
            int k = i;
            StringBuilder sb = null;
            while (d.at(k + 1).type == Token.DIGITS && !d.at(k + 1).lineBefore && d.at(k + 1).integerDigits == 3
                    && !d.at(k + 1).grouped && isGroupSpace(d.text.charAt(d.at(k + 1).start - 1))
                    && d.at(k + 1).start - d.at(k).end == 1 && !d.isYear(k + 1)) {
                if (sb == null) {
                    sb = new StringBuilder(t.digits);
                }
                sb.append(d.at(k + 1).digits);
                k++;
            }
            if (sb != null) {
                v = Double.parseDouble(sb.toString());
                end = k;
            }
        }
        Token next = d.at(end + 1);
        if (end == i && next.type == Token.ARABIC && d.attached(i) && d.surface(i + 1).equals("ر")
                && d.attached(i + 1) && d.at(i + 2).type == Token.DIGITS && !t.decimal && !d.at(i + 2).decimal) {
            out[0] = Double.parseDouble(d.at(i + 2).digits + "." + t.digits);
            return i + 2;
        }
        if (next.type == Token.LATIN && d.attached(end) && (d.surface(end + 1).equals("e")
                || d.surface(end + 1).equals("E"))) {
            int k = end + 2;
            int sign = 1;
            if (d.isDash(k) && d.attached(k - 1)) {
                sign = -1;
                k++;
            }
            if (d.at(k).type == Token.DIGITS && d.attached(k - 1) && !d.at(k).decimal) {
                out[0] = v * Math.pow(10, sign * d.at(k).value);
                return k;
            }
        }
        if (next.type == Token.LATIN && d.attached(end) && d.surface(end + 1).equals("x") && d.attached(end + 1)
                && d.at(end + 2).type == Token.DIGITS && d.at(end + 2).value == 10 && d.isSymbol(end + 3, '^')) {
            int k = end + 4;
            int sign = 1;
            if (d.isDash(k)) {
                sign = -1;
                k++;
            }
            if (d.at(k).type == Token.DIGITS) {
                out[0] = v * Math.pow(10, sign * d.at(k).value);  // 6.23x10^-4
                return k;
            }
        }
        if (d.isSymbol(end + 1, '^') && d.attached(end)) {
            int k = end + 2;
            int sign = 1;
            if (d.isDash(k)) {
                sign = -1;
                k++;
            }
            if (d.at(k).type == Token.DIGITS) {
                out[0] = Math.pow(v, sign * d.at(k).value);
                return k;
            }
        }
        if (first && d.isSymbol(end + 1, '/') && d.attached(end) && d.attached(end + 1)
                && d.at(end + 2).type == Token.DIGITS && d.at(end + 2).value != 0
                && !(d.isSymbol(end + 3, '/') && d.attached(end + 2)) && !t.decimal && !d.at(end + 2).decimal) {
            out[0] = v / d.at(end + 2).value;
            return end + 2;
        }
        out[0] = v;
        return end;
    }

    /** A plain, no-break or narrow no-break space: the ones typesetters put between digit groups. */
    private static boolean isGroupSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    /** "two point five", "1 فاصلة 1", "point 77": the digits after the point are read one by one. */
    private static Num spokenDecimal(Doc d, int point, int first, double whole) {
        StringBuilder digits = new StringBuilder();
        int k = point + 1;
        if (d.at(k).type == Token.DIGITS && !d.at(k).decimal) {
            digits.append(d.at(k).digits);
        } else {
            while (d.at(k).isNumberWord() && d.at(k).entry.number < 100
                    && d.at(k).entry.numClass != Word.SCALE) {
                digits.append((long) d.at(k).entry.number);
                k++;
            }
            k--;
        }
        if (digits.length() == 0) {
            return null;
        }
        Num n = new Num(first);
        n.words = true;
        n.value = whole + Double.parseDouble("0." + digits);
        n.last = k;
        Token scale = d.at(k + 1);
        if (scale.isNumberWord() && scale.entry.numClass == Word.SCALE && !scale.has(Word.PLURAL_SCALE)) {
            n.value *= scale.entry.number;
            n.hasScale = true;
            n.last = k + 1;
        }
        return n;
    }

    /** Fractions bound to a number: "and a half", "ونصف", "three quarters", "ثلاثة أرباع", "twenty-three fifths". */
    private static void fractionTail(Doc d, Num n) {
        if (n.ordinal) {
            return;
        }
        int k = n.last + 1;
        double scale = n.lastClass == Word.SCALE ? n.lastScale : 1;
        Token t = d.at(k);
        // Joined by and/و: "and a half", "ونصف", "و ثلاثة أرباع", "and three quarters".
        int c = -1;
        if (d.isAndWord(k)) {
            c = k + 1;
        } else if (t.type == Token.ARABIC && t.conjunction) {
            c = k;
        }
        if (c >= 0) {
            Token f = d.at(c);
            if (d.english && f.has(Word.PER) && d.at(c + 1).entry != null && d.at(c + 1).entry.fractionForm == 1) {
                Token second = d.at(c + 2);
                if (second.isNumberWord() && second.entry.numClass == Word.SCALE && !second.has(Word.PLURAL_SCALE)) {
                    n.value += second.entry.number / d.at(c + 1).entry.denominator;  // and a quarter million
                    n.last = c + 2;
                    return;
                }
                n.value += scale / d.at(c + 1).entry.denominator;  // "and a half"
                n.last = c + 1;
                return;
            }
            if (f.entry != null && f.entry.denominator > 0 && f.entry.fractionForm <= 2
                    && (d.arabic || f.entry.fractionForm == 1)) {
                int numerator = f.entry.fractionForm == 2 ? 2 : 1;
                if (d.arabic && f.isNumberWord() && !(f.entry.numClass == Word.UNIT && n.lastClass == Word.UNIT)
                        && !(f.entry.numClass == Word.TENS && n.lastClass == Word.TENS)) {
                    return;  // وخمس after tens is "and five", not "and a fifth"
                }
                n.value += scale * numerator / f.entry.denominator;
                n.last = c;
                return;
            }
            if (f.isNumberWord() && f.entry.numClass == Word.UNIT && d.at(c + 1).entry != null
                    && d.at(c + 1).entry.fractionForm == 3) {
                n.value += scale * f.entry.number / d.at(c + 1).entry.denominator;
                n.last = c + 1;
                return;
            }
            return;
        }
        if (d.english && d.isDash(k) && d.at(k).spaceBefore && d.at(k + 1).entry != null
                && d.at(k + 1).entry.fractionForm == 3) {
            k++;  // "five - eighths"
            t = d.at(k);
        }
        Word f = t.entry;
        if (f == null || f.denominator == 0 || !n.words) {
            return;
        }
        if (f.fractionForm == 3 && !t.conjunction) {
            boolean toLast = d.arabic || (n.lastAfterConnector && n.componentsSinceConnector == 1);
            if (toLast && n.lastPart != n.value) {
                double part = n.lastPart * (d.english ? n.scaleBeforeConnector : 1);
                n.value = n.value - n.lastPart + part / f.denominator;
            } else {
                n.value /= f.denominator;
            }
            n.last = k;
        } else if (f.fractionForm == 1 && d.arabic && n.value >= 11 && !t.conjunction && !t.definite) {
            n.value /= f.denominator;  // ثلاث وعشرون خمس: eleven and up count with a singular
            n.last = k;
        }
    }

    /** Half, a quarter, a third of, نصف, ربع مليون, half a dozen: fractions standing alone or scaling a scale. */
    private static Num standaloneFraction(Doc d, int i) {
        int k = i;
        boolean article = false;
        if (d.english && d.at(k).has(Word.PER)) {
            k++;
            article = true;
        }
        Token t = d.at(k);
        if (t.entry == null || t.entry.denominator == 0 || t.entry.fractionForm == 3 || t.conjunction) {
            return null;
        }
        Word f = t.entry;
        double value = (f.fractionForm == 2 ? 2.0 : 1.0) / f.denominator;
        boolean ambiguous = f.isNumber() || f.ordinal > 0 || (d.arabic && f.denominator == 8);
        int s = k + 1;
        if (d.english && d.at(s).has(Word.PER)) {
            s++;
        }
        Token scale = d.at(s);
        Num n = new Num(i);
        n.words = true;
        if (scale.isNumberWord() && scale.entry.numClass == Word.SCALE && !scale.has(Word.PLURAL_SCALE)
                && !scale.has(Word.ABBREV_SCALE) && !scale.has(Word.DUAL_SCALE) && !(ambiguous && d.arabic)) {
            n.value = value * scale.entry.number;
            n.last = s;
            n.hasScale = true;
            return n;
        }
        if (ambiguous) {
            // "a third of", "a fifth": with the article and nothing countable after it, an ordinal is a fraction.
            Token after = d.at(k + 1);
            if (!(article && d.english && (after.has(Word.FROM) || after == Doc.NONE || after.type == Token.SYMBOL
                    || "of".equals(d.surface(k + 1))))) {
                return null;
            }
        }
        if (d.english && !article && !"of".equals(d.surface(k + 1))) {
            return null;  // "first quarter", "second half": only "half of" or "a half" are amounts
        }
        if (d.arabic && t.definite) {
            return null;  // الربع الأول is a quarter of the year
        }
        n.value = value;
        n.last = k;
        return n;
    }

    /** X over Y, X على Y, 1 in Y, واحد من Y: a ratio written out. */
    private static void ratio(Doc d, Num n) {
        Token link = d.at(n.last + 1);
        boolean over = link.has(Word.OVER) && link.stemOffset == 0;
        boolean oneIn = n.value == 1 && link.stemOffset == 0 && (link.has(Word.FROM) && d.arabic
                || link.has(Word.IN));
        if (!(over || oneIn) || n.ordinal || n.hasScale && !over) {
            return;
        }
        if (link.has(Word.IN) && d.arabic && d.at(n.last + 2).definite) {
            return;  // في المئة is a percentage
        }
        Num y = core(d, n.last + 2, false);
        if (y == null || y.value == 0 || y.ordinal || d.isYear(y.first)) {
            return;
        }
        n.value /= y.value;
        n.last = y.last;
        n.words |= y.words;
        n.plainDigits = false;
    }

    /**
     * An Arabic ordinal at token i (السادسة, الحادي عشر, الخامس والعشرون, المئة والخامسة والعشرون, العشرون), as
     * {value, last token}, or null.
     */
    static int[] arabicOrdinal(Doc d, int i) {
        Token t = d.at(i);
        Word w = t.entry;
        if (w == null || t.preposition && !t.definite) {
            return null;
        }
        int value;
        int k = i;
        if (w.ordinal > 0) {
            value = w.ordinal;
            if (d.at(k + 1).isNumberWord() && d.at(k + 1).entry.numClass == Word.TEN_SUFFIX
                    && !d.at(k + 1).conjunction) {
                value += 10;
                k++;
            } else if (t.entry.numClass != 0 && t.entry.number == 1 && w.ordinal == 1 && !t.definite) {
                return null;  // حادي needs عشر or a tens word
            }
        } else if (t.definite && w.numClass == Word.TENS) {
            return new int[] {(int) w.number, i};
        } else if (t.definite && w.numClass == Word.UNIT && d.at(i + 1).isNumberWord()
                && d.at(i + 1).entry.numClass == Word.TEN_SUFFIX && !d.at(i + 1).conjunction) {
            value = (int) w.number + 10;  // الاثنا عشر
            k++;
        } else if (t.definite && w.numClass == Word.HUNDRED && w.number == 100
                && (d.at(i + 1).conjunction || d.isAndWord(i + 1))) {
            value = 100;
            int[] rest = arabicOrdinal(d, d.isAndWord(i + 1) ? i + 2 : i + 1);
            if (rest == null) {
                return null;
            }
            return new int[] {value + rest[0], rest[1]};
        } else {
            return null;
        }
        int c = d.isAndWord(k + 1) ? k + 2 : k + 1;
        Token tens = d.at(c);
        if ((c == k + 2 || tens.conjunction) && tens.isNumberWord() && tens.entry.numClass == Word.TENS
                && value < 10) {
            return new int[] {value + (int) tens.entry.number, c};
        }
        if (w.ordinal == 1 && w.numClass == Word.UNIT && value == 1) {
            return null;
        }
        return new int[] {value, k};
    }
}
