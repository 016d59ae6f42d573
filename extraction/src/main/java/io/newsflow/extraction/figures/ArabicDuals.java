package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic nouns that count by themselves, with no number word: a dual is two of its noun or unit (يومين, دولتين,
 * التجربتين), and a unit in the singular with a fraction after it says one and a part (سنة ونصف).
 */
final class ArabicDuals {

    private ArabicDuals() {
    }

    /**
     * The listed noun at i counting by itself: a dual (يومين, دولتين, شهرين, دولارين), with a fraction after it a dual
     * or a unit in the singular (ساعتين ونصف = 2.5 hours, سنة ونصف = 1.5 years); null otherwise.
     */
    static Candidate byItself(Doc d, int i) {
        Token t = d.at(i);
        Word w = t.entry;
        if (!d.arabic || w == null || w.dual && (d.lexicon.in(WordList.DUAL_NAMES, d.stemKey(i))
                || d.at(i - 1).type == TokenType.ARABIC && d.lexicon.in(WordList.NAME_BEFORE, d.stemKey(i - 1)))) {
            return null;  // لطالبان is the movement; ابن حيان is a man, not two quarters
        }
        if (w.dual && t.definite && !t.preposition && !t.conjunction && agreesWithDefinite(d, i - 1)) {
            return null;  // البلدتين الواقعتين, المديرين العامين: an adjective agreeing with the noun before it
        }
        if (w.dual && !w.construct && !t.definite && !t.preposition && !t.conjunction && indefiniteDual(d, i - 1)) {
            return null;  // طفلان شقيقان, دولتان مهمتان, قسمين رئيسين: the second describes the two the first counts
        }
        Token f = d.at(i + 1);
        boolean listedGenitive = f.entry != null && f.entry.singular != null && !f.entry.dual && f.stemOffset == 0
                && !f.definite;  // حالتي وفاة: an indefinite genitive, a noun the lexicon lists
        if (w.construct && (f.type != TokenType.ARABIC || f.has(Role.STOP) || f.isNumberWord() || f.paragraphBefore
                || !Nouns.arabicDefinite(d, i + 1) && !listedGenitive && !indefiniteGenitive(d, i + 1)
                || t.definite)) {
            return null;  // a construct dual needs its genitive after it; alone, ساعتي is "my watch"
        }
        double part = f.type == TokenType.ARABIC && f.conjunction && f.entry != null && f.entry.denominator > 0
                && f.entry.fractionForm == GrammaticalNumber.SINGULAR && !f.entry.isNumber() ? 1 / f.entry.denominator
                : 0;
        int last = part > 0 ? i + 1 : i;
        if (!w.dual) {
            boolean unit = w.unit != null && t.stemOffset == 0 && !t.definite && part > 0;
            return unit ? ArabicCounts.measure(w, 1 + part, i, last) : null;
        }
        Word singular = d.lexicon.get(w.singular);
        if (singular != null && singular.unit != null) {
            return ArabicCounts.measure(singular, 2 + part, i, last);
        }
        if (singular != null && singular.namesCurrency()) {
            return new Candidate(FigureKind.MONEY, i, last, 2 + part, null, null, null, null,
                    singular.currencyDefault, null, null, false, false);
        }
        return Candidate.of(FigureKind.COUNT, i, i, 2.0, w.singular, null);
    }

    /**
     * An indefinite genitive the lexicon does not list that a feminine dual in construct governs, where "my" and
     * its noun would not stand before it: a verbal noun of the patterns تفعيل, تفاعل or إفعال (نقطتي تفتيش, مذكرتي
     * تفاهم, سفينتي إغاثة), or the first of two names joined by و a few words on (محافظتي قعطبة وإب, قريتي نبل
     * والزهراء, جامعتي أم القرى والملك عبدالعزيز).
     */
    private static boolean indefiniteGenitive(Doc d, int k) {
        Token g = d.at(k);
        String form = g.type == TokenType.ARABIC ? Normalizer.clean(d.text, g.start, g.end) : "";
        if (form.length() < 2 || g.lineBefore || g.conjunction || g.preposition || g.definite || g.has(Role.STOP)
                || g.isNumberWord() || "وفبلك".indexOf(form.charAt(0)) >= 0) {
            return false;
        }
        String s = form.endsWith("ة") ? form.substring(0, form.length() - 1) : form;
        boolean verbalNoun = s.length() == 5 && (s.charAt(0) == 'ت' && (s.charAt(3) == 'ي' || s.charAt(2) == 'ا')
                || "إا".indexOf(s.charAt(0)) >= 0 && s.charAt(3) == 'ا');
        if (verbalNoun) {
            return true;
        }
        for (int j = k + 1; j <= k + 3; j++) {
            Token n = d.at(j);
            String next = n.type == TokenType.ARABIC ? Normalizer.clean(d.text, n.start, n.end) : "";
            if (n.lineBefore || n.type != TokenType.ARABIC || n.has(Role.STOP)) {
                return false;
            }
            if (next.length() >= 2 && next.charAt(0) == 'و') {
                return true;
            }
        }
        return false;
    }

    /** The word at p is an indefinite dual that is no construct: listed (طفلان, بلدين) or feminine (نقرتين). */
    private static boolean indefiniteDual(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC || Nouns.arabicDefinite(d, p) || d.at(p + 1).lineBefore) {
            return false;
        }
        String form = Normalizer.key(d.surface(p));
        return t.entry != null ? t.entry.dual && !t.entry.construct && t.stemOffset == 0
                : form.length() >= 5 && (form.endsWith("تين") || form.endsWith("تان")) && !form.startsWith("هات")
                && !form.startsWith("اللت");  // هاتان فكرتان: "these two" and "which two" count nothing
    }

    /** The word at p is definite and ends like a dual or a sound plural (البلدتين, والمديرين). */
    private static boolean agreesWithDefinite(Doc d, int p) {
        String before = d.at(p).type == TokenType.ARABIC ? Normalizer.key(d.surface(p)) : "";
        before = d.at(p).conjunction ? before.substring(1) : before;
        return before.startsWith("ال") && (before.endsWith("ين") || before.endsWith("ان"));
    }

    /**
     * A dual at i that counts two by itself, in any of the forms below. Most words are none, so each form is tried
     * only when the word ends in the letter that form needs (ن of يين/تين/ان, ي of a construct, ا of a nominative
     * construct, the last letter of a pronoun), a test that costs no string.
     */
    static Candidate at(Doc d, int i) {
        Token t = d.at(i);
        if (!d.arabic || t.type != TokenType.ARABIC) {
            return null;
        }
        if (t.entry != null) {
            return t.entry.dual && t.entry.construct ? CoordinatedDuals.at(d, i) : null;  // the others read unlisted words
        }
        char last = d.lastLetter(i);
        Candidate dual = last == 'ن' ? unlistedDual(d, i) : null;
        if (t.definite) {  // a construct is never definite
            return dual == null && last == 'ن' ? CoordinatedDuals.at(d, i) : dual;
        }
        dual = dual == null && last == 'ي' ? masculineConstruct(d, i) : dual;
        dual = dual == null && (last == 'ا' || last == 'م' || last == 'ن') && pronounAfterYa(d, i) ? withPronoun(d, i)
                : dual;
        dual = dual == null && last == 'ا' && d.endsWith(i, "تا") ? nominativeConstruct(d, i) : dual;
        return dual == null && last == 'ن' ? CoordinatedDuals.at(d, i) : dual;
    }

    /**
     * The dual of a feminine noun the lexicon does not list (التجربتين, فصيلتين), counted two when the story also
     * writes the noun in the singular or the plural (التجربة الثانية), which a name ending like a dual (بوتين) never
     * does, or when it stands indefinite right after a preposition (DUAL_AFTER: خلال نقرتين, بين حكومتين), where an
     * adjective in the dual would follow its noun; null otherwise.
     */
    private static Candidate unlistedDual(Doc d, int i) {
        Token t = d.at(i);
        int n = t.end - t.start;
        if (!d.arabic || t.type != TokenType.ARABIC || t.entry != null || n < 6 || d.text.charAt(t.end - 1) != 'ن'
                || d.text.charAt(t.end - 3) != 'ت' || "يا".indexOf(d.text.charAt(t.end - 2)) < 0) {
            return null;
        }
        Token before = d.at(i - 1);
        String previous = before.type == TokenType.ARABIC ? Normalizer.key(d.surface(i - 1)) : "";
        boolean definite = Nouns.arabicDefinite(d, i);
        String written = Normalizer.clean(d.text, t.start, t.end);
        written = written.startsWith("و") || written.startsWith("ف") ? written.substring(1) : written;
        boolean behindPreposition = t.preposition || definite
                && (written.startsWith("لل") || written.startsWith("بال") || written.startsWith("كال"));
        if (!behindPreposition && (previous.endsWith("ين") || previous.endsWith("ان")
                || definite && Nouns.arabicDefinite(d, i - 1))) {
            // التجربتين الوديتين, الدولتين الخليجيتين: an adjective agreeing with the noun before it; one behind a
            // glued preposition opens a phrase of its own (المقرين السابقين للسفارتين)
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        String stem = bareStem(definite ? form : form.substring("بلك".indexOf(form.charAt(0)) >= 0 ? 1 : 0));
        stem = stem.substring(0, stem.length() - 3);
        Word adjective = d.lexicon.get(stem + "ة");
        if (stem.length() < 3 || adjective != null && adjective.country != null) {
            return null;  // الأمريكيتين: a nationality, an adjective
        }
        if (!definite && form.equals(bareStem(form)) && "بلك".indexOf(form.charAt(0)) < 0 && !form.endsWith("ستان")
                && !d.lexicon.isPlace(form) && stem.charAt(stem.length() - 1) != 'ا'
                && before.type == TokenType.ARABIC && before.stemOffset == 0 && !before.conjunction
                && d.lexicon.in(WordList.DUAL_AFTER, previous)) {
            return Candidate.of(FigureKind.COUNT, i, i, 2.0, stem + "ة", null);  // خلال نقرتين, بين حكومتين
        }
        String singular = Normalizer.key(stem + "ة");
        String plural = Normalizer.key(stem + "ات");
        for (int j = 0; j < d.size(); j++) {
            Token o = d.at(j);
            if (j != i && o.type == TokenType.ARABIC && o.end - o.start >= stem.length() + 1) {
                String key = Normalizer.key(bareStem(Normalizer.clean(d.text, o.start, o.end)));
                if (key.equals(singular) || key.equals(plural)) {
                    return Candidate.of(FigureKind.COUNT, i, i, 2.0, stem + "ة", null);
                }
            }
        }
        return null;
    }

    /**
     * The dual in the construct state of a masculine noun the lexicon lists (طرفي النزاع, قطاعي النفط والغاز,
     * مدخلي المدينة), which loses the ت a feminine one keeps and so is spelt as "my" plus the noun; counted two
     * only before a definite genitive, which "my" never takes, that is no adjective (عملي النقابي, ابني الأكبر,
     * a family name: وسامي النجعي), a relative (مقالي الذي) or a unit of time (مقالي اليوم); never a unit (يومي الخميس names weekdays) nor a
     * defective noun, whose singular ends so (قاضي المحكمة); null otherwise.
     */
    private static Candidate masculineConstruct(Doc d, int i) {
        Token t = d.at(i);
        if (!d.arabic || t.type != TokenType.ARABIC || t.entry != null || t.definite || d.lastLetter(i) != 'ي') {
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        if (form.length() < 4 || !genitiveNoun(d, i + 1)) {
            return null;
        }
        String stem = form.substring(0, form.length() - 1);
        Word w = d.lexicon.get(stem);
        if (w == null && stem.length() >= 4 && "وفبل".indexOf(stem.charAt(0)) >= 0) {
            stem = stem.substring(1);  // وطرفي, بجانبي, لفريقي
            w = d.lexicon.get(stem);
        }
        if (w == null || !brokenPluralNoun(d, w, stem)) {
            // not a defective noun either, which the lexicon writes without its ي (قاض, تحد: قاضي, تحدي are the
            // singular)
            return null;
        }
        return Candidate.of(FigureKind.COUNT, i, i, 2.0, w.singular, null);
    }

    /**
     * A feminine dual in the construct state in the nominative, which loses its ن to an ا (وزارتا الخارجية والدفاع,
     * محافظتا عدن ولحج): two of a listed feminine noun before a definite genitive; no accusative of a feminine noun
     * ends so. Not a unit (سنتا, also cents), whose ا may be another word's accusative; null otherwise.
     */
    private static Candidate nominativeConstruct(Doc d, int i) {
        Token t = d.at(i);
        if (!d.arabic || t.type != TokenType.ARABIC || t.entry != null || t.definite || d.lastLetter(i) != 'ا') {
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        if (form.length() < 5 || !form.endsWith("تا") || !genitiveNoun(d, i + 1)) {
            return null;
        }
        String singular = form.substring(0, form.length() - 2) + "ة";
        Word w = d.lexicon.get(singular);
        if (w == null && "وفبل".indexOf(singular.charAt(0)) >= 0) {
            singular = singular.substring(1);
            w = d.lexicon.get(singular);
        }
        return w != null && w.singular != null && !w.dual && w.unit == null && w.currencyFamily == null
                && Normalizer.key(w.singular).equals(Normalizer.key(singular))
                ? Candidate.of(FigureKind.COUNT, i, i, 2.0, w.singular, null) : null;
    }

    private static final String[] PRONOUNS = {"هما", "هم", "هن", "ها", "كم"};

    private static final String[] CONSTRUCT_PRONOUNS = {"يهما", "يهم", "يهن", "يها", "يكم"};

    private static boolean pronounAfterYa(Doc d, int i) {
        for (String ending : CONSTRUCT_PRONOUNS) {
            if (d.endsWith(i, ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A dual in the construct state with a possessive pronoun glued on (ابنتيها, بلديهما, سيارتيهم): two of its
     * noun, for a feminine noun the lexicon lists or a masculine one with a broken plural; "my" takes no pronoun
     * after it. Not ه alone, which many write for ة (بلديه is also بلدية); null otherwise.
     */
    private static Candidate withPronoun(Doc d, int i) {
        Token t = d.at(i);
        if (!d.arabic || t.type != TokenType.ARABIC || t.entry != null || t.definite
                || "امن".indexOf(d.lastLetter(i)) < 0) {
            return null;  // every pronoun of PRONOUNS ends in one of these
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        String bare = form.startsWith("و") || form.startsWith("ف") ? form.substring(1) : form;
        if (bare.startsWith("لدي")) {
            return null;  // ولديها: لدى ("at") before a pronoun, not ولد
        }
        for (String pronoun : PRONOUNS) {
            if (form.length() >= pronoun.length() + 4 && form.endsWith("ي" + pronoun)) {
                String construct = form.substring(0, form.length() - pronoun.length());
                Word w = d.lexicon.get(construct);
                if (w == null && "وفبل".indexOf(construct.charAt(0)) >= 0) {
                    w = d.lexicon.get(construct.substring(1));
                }
                String stem = construct.substring(0, construct.length() - 1);
                Word masculine = d.lexicon.get(stem);
                if (masculine == null && "وفبل".indexOf(stem.charAt(0)) >= 0) {
                    stem = stem.substring(1);
                    masculine = d.lexicon.get(stem);
                }
                if (w != null && w.dual && w.construct && d.lexicon.get(w.singular) != null
                        && d.lexicon.get(w.singular).unit == null) {
                    return Candidate.of(FigureKind.COUNT, i, i, 2.0, w.singular, null);  // ابنتيها
                }
                return masculine != null && brokenPluralNoun(d, masculine, stem)
                        ? Candidate.of(FigureKind.COUNT, i, i, 2.0, masculine.singular, null) : null;  // بلديهما
            }
        }
        return null;
    }

    /** A listed masculine noun with a broken plural, whose dual the lexicon derives (طرف, بلد; not قاض, تحد). */
    private static boolean brokenPluralNoun(Doc d, Word w, String stem) {
        Word dual = d.lexicon.get(stem + "ين");
        if (stem.startsWith("أ") && w.singular != null && w.singular.startsWith("ا")) {
            return false;  // أسمّي, أسميها: a verb in the first person, where the noun has a bare alef (اسم)
        }
        return w.singular != null && !w.dual && w.unit == null && w.currencyFamily == null
                && Normalizer.key(w.singular).equals(Normalizer.key(stem)) && !stem.endsWith("ة")
                && dual != null && dual.dual && !(stem.length() == 3 && stem.charAt(1) == 'ا')
                && !defective(d, stem);
    }

    /** A noun the lexicon writes without its final ي, as its plural shows (تحد: تحديات). */
    private static boolean defective(Doc d, String stem) {
        Word plural = d.lexicon.get(stem + "يات");
        return plural != null && plural.singular != null
                && Normalizer.key(plural.singular).equals(Normalizer.key(stem));
    }

    /** The word at k is a definite noun a dual before it can govern: not an adjective, a relative or a number. */
    private static boolean genitiveNoun(Doc d, int k) {
        Token g = d.at(k);
        String key = g.type == TokenType.ARABIC ? Normalizer.key(d.surface(k)) : "";
        if (g.lineBefore || g.conjunction || g.preposition || g.has(Role.STOP) || g.isNumberWord()
                || !key.startsWith("ال") || key.length() < 4) {
            return false;
        }
        String stem = key.substring(2);
        boolean nisba = stem.endsWith("ي") || stem.endsWith("يه") || stem.endsWith("يين") || stem.endsWith("يون");
        boolean elative = stem.length() == 4 && stem.charAt(0) == 'ا';  // الأكبر
        boolean relative = stem.startsWith("ذ") || stem.startsWith("ت") && stem.length() <= 3;  // الذي, التي, اللذين
        Word listed = d.lexicon.get(stem);
        boolean noun = listed != null && (listed.singular != null || listed.unit != null);
        return !nisba && !elative && !relative && !key.startsWith("اللذ") && !key.startsWith("اللت")
                && (g.entry == null || g.entry.ordinal == 0 && g.entry.unit == null) && (noun || !adjectiveShape(stem));
    }

    /**
     * The pattern of an adjective, which follows "my" and its noun (ابني الصغير, عملي السابق, ابني المصاب): فاعل,
     * فعيل or a participle in م, with or without its ة; nouns of these shapes that the lexicon lists are nouns.
     */
    private static boolean adjectiveShape(String stem) {
        String s = stem.endsWith("ه") ? stem.substring(0, stem.length() - 1) : stem;
        return s.length() == 4 && (s.charAt(1) == 'ا' || s.charAt(2) == 'ي') || s.length() >= 4 && s.charAt(0) == 'م';
    }

    /** An Arabic word without a glued و or ف and without its article (والتجربة → تجربة). */
    private static String bareStem(String form) {
        String f = form.length() > 4 && (form.startsWith("و") || form.startsWith("ف")) ? form.substring(1) : form;
        String article = Nouns.definiteStemOf(f);
        return article != null ? article : f;
    }

    /**
     * Where in a word counting by itself its noun begins (فريقي, وزارتا: 0, بجانبي: 1), when the word starts with the
     * noun (less its ة) after at most one glued letter; -1 otherwise. A letter of the noun's own may look like a conjunction.
     */
    static int ownNounAt(Doc d, Candidate c) {
        Token head = d.at(c.first());
        if (c.number() != null || c.kind() != FigureKind.COUNT || c.unit() == null || head.type != TokenType.ARABIC) {
            return -1;
        }
        String form = Normalizer.key(d.surface(c.first()));
        String unit = Normalizer.key(c.unit());
        String noun = unit.length() > 2 && unit.endsWith("ه") ? unit.substring(0, unit.length() - 1) : unit;
        return form.startsWith(noun) ? 0 : form.startsWith(noun, 1) && "وفبلك".indexOf(form.charAt(0)) >= 0 ? 1 : -1;
    }
}
