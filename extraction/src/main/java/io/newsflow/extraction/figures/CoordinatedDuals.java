package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic duals that only the pair after them shows: two things named one by one and joined by و tell a dual from
 * the words it is spelt like. A definite dual before two adjectives in the singular (المدخلين الشمالي والشرقي,
 * المنطقتين الشرقية والغربية) is no sound masculine plural ("the enterers"), which would take plural adjectives; a
 * feminine construct dual before two names (محافظتي لحج وأبين) is no noun with "my" glued on. Each counts two of
 * its singular.
 */
final class CoordinatedDuals {

    private CoordinatedDuals() {
    }

    static Candidate at(Doc d, int i) {
        Token t = d.at(i);
        if (!d.arabic || t.type != TokenType.ARABIC || d.at(i + 1).type != TokenType.ARABIC
                || d.at(i + 2).type != TokenType.ARABIC || d.at(i + 1).lineBefore || d.at(i + 2).lineBefore
                || !d.at(i + 2).conjunction) {  // both readings need the pair's و
            return null;
        }
        String singular = t.definite || Nouns.arabicDefinite(d, i) ? beforeAdjectives(d, i) : beforeGenitives(d, i);
        Word listed = singular == null ? null : d.lexicon.get(singular);
        if (listed != null && (listed.unit != null || listed.namesCurrency())) {
            return null;  // a unit's or a currency's dual is a measure, which ArabicDuals values
        }
        return singular == null ? null : Candidate.of(FigureKind.COUNT, i, i, 2.0, singular, null);
    }

    /**
     * The singular of the unlisted definite dual at i before two definite adjectives of its gender, the second with
     * و glued on: الوضعين السياسي والميداني → وضع, المنطقتين الشرقية والغربية → منطقة.
     */
    private static String beforeAdjectives(Doc d, int i) {
        String stem = Nouns.definiteStem(d, i);
        if (d.at(i).entry != null || stem == null || !stem.endsWith("ين") || stem.endsWith("يين") || stem.length() < 5
                || d.at(i + 1).conjunction || !d.at(i + 2).conjunction
                || stem.length() == 5 && stem.charAt(0) == 'ت' && stem.charAt(3) == 'ي') {
            return null;  // المصريين: a relational adjective's plural or dual; التمكين: a verbal noun of تفعيل
        }
        String first = Nouns.definiteStem(d, i + 1);
        String second = Nouns.definiteStem(d, i + 2);
        if (first == null || second == null || d.at(i + 1).isNumberWord() || d.at(i + 2).isNumberWord()) {
            return null;
        }
        boolean feminine = first.endsWith("ية") && second.endsWith("ية");
        String singular = masculineAdjective(first) && masculineAdjective(second) ? stem.substring(0, stem.length() - 2)
                : feminine && stem.endsWith("تين") ? stem.substring(0, stem.length() - 3) + "ة" : null;
        Word nationality = singular == null ? null : d.lexicon.get(singular);
        return nationality != null && nationality.country != null ? null : singular;  // الأمريكيتين: a nationality's
    }

    /** A relational adjective in the masculine singular (الشمالي, الإسرائيلي), not its plural (الشماليين). */
    private static boolean masculineAdjective(String stem) {
        return stem.length() > 2 && stem.endsWith("ي");
    }

    /**
     * The singular of the listed feminine noun in the construct dual at i (محافظتي, which alone may be "my
     * governorate") before a genitive and a second one with و glued on, both definite or both names: words without
     * the article that the lexicon does not list as nouns (محافظتي لحج وأبين, مدينتي هورتن وموس; not بين منطقتي سناح
     * ومدينة قعطبة, a place and a town named one by one).
     */
    private static String beforeGenitives(Doc d, int i) {
        Token g = d.at(i + 1);
        Token h = d.at(i + 2);
        Word w = d.at(i).entry;
        boolean definite = Nouns.arabicDefinite(d, i + 1);
        String genitive = Normalizer.key(d.surface(i + 1));
        if (w == null || !w.dual || !w.construct || g.conjunction || !h.conjunction || g.has(Role.STOP)
                || h.has(Role.STOP) || g.isNumberWord() || h.isNumberWord() || relational(d, i + 1)
                || definite != Nouns.arabicDefinite(d, i + 2) || g.preposition || genitive.startsWith("لل")
                || genitive.startsWith("بال") || !definite && (noun(g) || noun(h))) {
            return null;  // ملفي الشخصي والمهني: "my file", its adjectives after it; مقصد مثالي للعائلات والأطفال
        }
        return w.singular;
    }

    private static boolean noun(Token t) {
        return t.entry != null && t.entry.singular != null;
    }

    /** The word at i ends like a relational adjective (الشخصي, الاقتصادية), which completes no construct. */
    private static boolean relational(Doc d, int i) {
        Token t = d.at(i);
        String form = Normalizer.clean(d.text, t.start, t.end);  // not folded: الشورى ends in no ي
        return form.endsWith("ي") || form.endsWith("ية") || form.endsWith("يه");
    }
}
