package io.newsflow.extraction.figures;

/**
 * The counted noun after a number, normalised: Arabic loses clitics, tanween and case endings and goes to the
 * singular through the lexicon (أطفال → طفل) or the regular plural endings (ات → ة, ين/ون → stem). English nouns
 * are read by {@link EnglishNouns}.
 */
final class Nouns {

    /** A counted noun, singular, and the last token read for it (past the adjectives before it). */
    record Noun(String singular, int last) {
    }

    private Nouns() {
    }

    /** The Arabic counted noun at token i after a number of the given value, or null when there is none. */
    static String arabicAfter(Doc d, int i, double count) {
        Token t = d.at(i);
        if (t.type != TokenType.ARABIC || t.definite) {
            return null;
        }
        Word w = t.entry;
        if (w != null && w.singular != null && t.stemOffset == 0) {
            return w.dual ? null : w.singular;
        }
        String people = nationality(d, t);
        if (people != null) {
            return people;
        }
        if (w != null || t.preposition || t.end - t.start < 2) {
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        boolean accusative = form.endsWith("ا") && hadTanween(d.text, t);
        // a tanween a verb never takes, or a ta marbuta or feminine plural no verb ends in (340 فعالية)
        boolean tanweenMark = accusative && tanweenWritten(d.text, t) || form.length() >= 4
                && (form.endsWith("ة") || form.endsWith("ات"));
        double rest = count % 100;
        // و/ف may be a conjunction (15 وأصيب); 8657 فحصاً and 22 فرعا are nouns, as is 80 فارسا in a story that
        // writes الفارس: the accusative a count from 11 to 99 takes, of a noun the story names with its article
        boolean clitic = t.conjunction || form.startsWith("و") || form.startsWith("ف");
        boolean noun = !clitic || tanweenMark || listedAccusative(d, form) != null || rest >= 11 && rest <= 99
                && accusative && form.length() >= 4 && StoryNouns.namedDefinite(d, form.substring(0, form.length() - 1));
        if (t.conjunction && !noun) {
            return null;
        }
        if (t.lineBefore && !accusative) {
            return null;  // across a line break only the accusative ending shows the noun belongs to the number
        }
        if (form.length() >= 5 && form.startsWith("س") && "يتن".indexOf(form.charAt(1)) >= 0 && !tanweenMark
                && !accusative && d.lexicon.get(form) == null) {
            return null;  // سترتفع: the future of a verb, not a counted noun
        }
        if (form.startsWith("ي") && form.length() >= 4 || (form.startsWith("و") || form.startsWith("ف")) && !noun
                || form.length() >= 5 && form.startsWith("ل") && "يتن".indexOf(form.charAt(1)) >= 0) {
            return null;  // an imperfect verb (لتصبح: so that it becomes) or a coordinated word, not a counted noun
        }
        if (form.length() >= 3 && form.length() <= 5 && form.charAt(0) == 'ت' && !tanweenMark && !accusative
                && d.lexicon.get(form) == null && form.substring(1).chars().noneMatch(c -> "اويىةء".indexOf(c) >= 0)
                && !d.text.contains(form + "ات")) {
            // 3 تنص, 520 تهدف: an imperfect verb in ت; a noun in ت has a long vowel (تقرير, تجار) or is a
            // verbal noun تفعّل that the story also writes in its plural (45 تخصص ... التخصصات), which no verb takes
            return null;
        }
        if (form.length() >= 5 && form.endsWith("وا") && listedAccusative(d, form) == null) {
            return null;  // 8 غادروا: a verb in the past plural; a noun ending in و is listed (15 عضوا)
        }
        if (form.length() >= 4 && form.endsWith("ت") && "اوي".indexOf(form.charAt(form.length() - 2)) < 0
                || form.length() >= 5 && (form.endsWith("ته") || form.endsWith("تها") || form.endsWith("تهم"))) {
            // 36 نفذت, 452 شهدت: a verb in the feminine past (nouns in ت are short or end in ات, وت, يت); 3
            // مراجعته, 36 نفذتها: a pronoun glued on, which no counted noun takes
            return null;
        }
        if (stripArticle(form) != null || form.startsWith("لأ") || form.startsWith("لإ") || form.startsWith("بأ")
                || form.startsWith("بإ")) {
            return null;  // definite or behind a preposition: an adjective or a new phrase, not what is counted
        }
        if (behindPreposition(form)) {
            return null;  // 19 بمشاركة, 0800 بتوقيت: a preposition's phrase after the number, not what it counts
        }
        String bare = form.length() > 4 && (form.startsWith("و") || form.startsWith("ف")) ? form.substring(1) : form;
        if (bare.length() > 3 && "بلك".indexOf(bare.charAt(0)) >= 0 && d.lexicon.isPlace(bare.substring(1))
                && listedAccusative(d, form) == null) {
            return null;  // 531 بمكة: a city behind a preposition says where; 15 بنكا is a listed noun's accusative
        }
        if ((accusative || rest >= 11 && rest <= 99) && form.endsWith("ا")
                && (form.length() > 3 || listedAccusative(d, form) != null)) {  // 16 حيا: a listed noun of two letters
            form = form.substring(0, form.length() - 1);
            if (form.endsWith("ء") || form.endsWith("ئ")) {
                return form;
            }
        }
        Word known = d.lexicon.get(form);
        if (known != null && known.singular != null) {
            return known.singular;
        }
        // a number's last part from three to ten takes the plural (207 عملات, 10,604 حاويات: two hundred and seven)
        if ((count >= 3 && count <= 10 || count > 100 && count % 1 == 0 && rest >= 3 && rest <= 10)
                && form.length() >= 4) {
            if (form.endsWith("ات")) {
                String singular = feminineOrMasdar(form.substring(0, form.length() - 2));
                if (singular != null) {
                    return singular;
                }
            }
            if (form.length() >= 5 && (form.endsWith("ين") || form.endsWith("ون")) && !masdarInNun(form)) {
                return form.substring(0, form.length() - 2);
            }
            String singular = StoryNouns.singularOf(d, form);
            if (singular != null) {
                return singular;
            }
        }
        if (count > 10 && !accusative && participlePlural(form)) {
            return form.substring(0, form.length() - 2);  // 15 مراجعين: a slip for the singular Arabic writes there
        }
        return form;
    }

    /**
     * مراجعين, متظاهرون, جامعيين: the sound masculine plural of a participle of the derived forms (م, then a root
     * letter) or of a relational adjective, which is no singular noun in ين or ون (قانون, تمرين, أوكتين).
     */
    private static boolean participlePlural(String form) {
        if (form.length() < 6 || !form.endsWith("ين") && !form.endsWith("ون")) {
            return false;
        }
        return form.charAt(0) == 'م' && "اويى".indexOf(form.charAt(1)) < 0 || form.charAt(form.length() - 3) == 'ي';
    }

    /**
     * 500 سعودي, 5 يمنيين, 12 ألف سوري: a country's adjective (the lexicon knows it from the currencies) after a
     * number counts its people; the counted noun is the adjective in the singular.
     */
    static String nationality(Doc d, Token t) {
        char end = d.text.charAt(t.end - 1);
        // a conjunction is only guessed from a first و or ف, so the whole word is tried (فلسطينيين, not و + سوريين)
        if (t.stemOffset != 0 || t.preposition || t.end - t.start < 4
                || (t.entry == null || t.entry.country == null) && end != 'ن' && end != 'ت' && end != 'ا') {
            return null;  // سعودي is listed with its country; يمنيين, سعوديات, مصريا end so
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        String singular = form.length() > 5 && (form.endsWith("يين") || form.endsWith("يون"))
                ? form.substring(0, form.length() - 2)
                : form.length() > 5 && form.endsWith("يات") ? form.substring(0, form.length() - 2) + "ة"
                : form.length() > 4 && form.endsWith("يا") ? form.substring(0, form.length() - 1) : form;
        Word w = d.lexicon.get(singular.endsWith("ة") ? singular.substring(0, singular.length() - 1) : singular);
        return w != null && w.country != null && w.singular == null && w.currencyFamily == null && w.unit == null
                ? singular : null;
    }

    /**
     * ب or ل glued to a derived noun, which begins with م, ت or است (بمشاركة, بتوقيت, لاستقبال) or is an افتعال or
     * انفعال (باتجاه, لانتخاب): no unlisted counted noun of six letters or more begins so, where short ones do
     * (لمسات, بترول).
     */
    static boolean behindPreposition(String form) {
        if (form.length() < 6 || form.charAt(0) != 'ب' && form.charAt(0) != 'ل') {
            return false;
        }
        char c = form.charAt(1);
        return c == 'م' || c == 'ت' || form.startsWith("است", 1) && form.length() >= 7
                || form.substring(1).matches("ا[^ا]{2,3}ا[^ات]ة?");
    }

    /**
     * مقاتلي, منتسبي: a word that may be a sound masculine plural in the construct state (its ين lost to ي); not a
     * broken plural of the pattern فعالي (مباني, أهالي, ليالي).
     */
    static boolean soundPluralConstruct(String form) {
        return form.length() >= 5 && form.endsWith("ي") && !(form.length() == 5 && form.charAt(2) == 'ا');
    }

    /**
     * The singular of a sound masculine plural in the construct state (مقاتلي → مقاتل), or null; one of the pattern
     * فعّالي (صيادي, فناني) only when the lexicon lists its plural in ين, since most words so shaped are broken
     * plurals (أهالي, مباني).
     */
    static String constructSingular(Doc d, String form) {
        if (soundPluralConstruct(form)) {
            return form.substring(0, form.length() - 1);
        }
        Word plural = form.endsWith("ي") ? d.lexicon.get(form + "ن") : null;
        return plural != null && plural.singular != null && !plural.dual
                && Normalizer.key(form).equals(Normalizer.key(plural.singular) + "ي") ? plural.singular : null;
    }

    /** The singular of the indefinite Arabic plural at k (مباريات after الثلاث), or null. */
    static String indefinitePlural(Doc d, int k) {
        Token t = d.at(k);
        String form = Normalizer.clean(d.text, t.start, t.end);
        if (t.type != TokenType.ARABIC || t.definite || t.conjunction || t.preposition || t.lineBefore
                || t.has(Role.STOP) || t.isNumberWord() || stripArticle(form) != null) {
            return null;
        }
        return singularOfPlural(d, form);
    }

    /** The singular of an Arabic plural written without the article (جنود → جندي, قطاعات → قطاعة), or null. */
    static String singularOfPlural(Doc d, String stem) {
        Word w = d.lexicon.get(stem);
        if (w != null && w.singular != null) {
            boolean plural = !w.dual && !Normalizer.key(w.singular).equals(Normalizer.key(stem));
            return plural ? w.singular : null;
        }
        if (stem.length() >= 5 && stem.endsWith("ات")) {
            return feminineOrMasdar(stem.substring(0, stem.length() - 2));
        }
        if (stem.length() >= 5 && (stem.endsWith("ين") || stem.endsWith("ون")) && !masdarInNun(stem)) {
            return stem.substring(0, stem.length() - 2);
        }
        return null;
    }

    /**
     * تعيين, تأمين, تعاون, تباين: the verbal noun تفعيل or تفاعل of a root ending in ن, whose ين or ون is the
     * pattern's, not a sound plural's (a plural of five letters in ين has a stem of three, which seldom begins with
     * ت and a ي or an ا).
     */
    private static boolean masdarInNun(String form) {
        return form.length() == 5 && form.charAt(0) == 'ت' && (form.charAt(3) == 'ي' && form.endsWith("ين")
                || form.charAt(2) == 'ا' && (form.endsWith("ين") || form.endsWith("ون")));
    }

    /**
     * The singular of a sound feminine plural without its ات: the stem with ة (فعاليات → فعالية), except verbal
     * nouns of the derived forms, masculine with a feminine plural: اجتماعات → اجتماع, انفجارات → انفجار,
     * تفجيرات → تفجير (but استشارات → استشارة, إصابات → إصابة, whose hollow roots end the noun in ة). Null for a
     * broken plural written with ات (أصوات, أوقات).
     */
    private static String feminineOrMasdar(String stem) {
        char first = stem.charAt(0);
        boolean alef = first == 'ا' || first == 'أ' || first == 'إ';
        if (alef && stem.length() < 5) {
            boolean brokenOfHollowRoot = stem.length() == 3 && (stem.indexOf('و') > 0 || stem.indexOf('ي') > 0);
            return brokenOfHollowRoot ? null : stem + "ة";  // إصابات, أزمات; أصوات and أوقات are broken
        }
        if (stem.endsWith("ي")) {
            return stem + "ة";  // اتفاقيات, تغطيات
        }
        boolean hollowIstif3al = stem.startsWith("است") && stem.length() == 6 && stem.charAt(4) == 'ا';
        boolean derivedForm = alef && !hollowIstif3al;
        boolean taf3il = first == 'ت' && stem.length() == 5 && stem.charAt(3) == 'ي';
        // تخصصات, تحركات: the masdar of the fifth form, تفعّل; a feminine تفعلة (تجربة) has a broken plural
        boolean tafa33ul = first == 'ت' && stem.length() == 4 && "ايوئ".indexOf(stem.charAt(3)) < 0;
        return derivedForm || taf3il || tafa33ul ? stem : stem + "ة";
    }

    private static final String[] PRONOUN_SUFFIXES = {"هما", "هم", "هن", "ها", "نا", "كم", "ه"};

    /** The singular of a known plural with a possessive pronoun glued to it (جنودها → جندي), or null. */
    static String withoutPronoun(Doc d, String form) {
        for (String suffix : PRONOUN_SUFFIXES) {
            if (form.length() >= suffix.length() + 3 && form.endsWith(suffix)) {
                String stem = seatless(form.substring(0, form.length() - suffix.length()));
                Word w = d.lexicon.get(stem);
                if (w == null && (stem.endsWith("ئ") || stem.endsWith("ؤ"))) {
                    stem = stem.substring(0, stem.length() - 1) + "ء";  // أبنائه, أعضاؤها: the hamza's seat moves
                    w = d.lexicon.get(stem);
                }
                if (w != null && w.singular != null && !w.dual
                        && !Normalizer.key(w.singular).equals(Normalizer.key(stem))) {
                    return w.singular;
                } else if (w == null && constructSingular(d, stem) != null) {
                    return constructSingular(d, stem);  // ثلاثة من مساعديه: a sound plural's construct
                }
            }
        }
        return null;
    }

    /**
     * A final hamza back on the line: before a pronoun it sits on ي or و by the case (أبنائه, أبناؤه, أعضائها), where
     * the lexicon writes the plural bare (أبناء, أعضاء).
     */
    private static String seatless(String stem) {
        char last = stem.charAt(stem.length() - 1);
        return (last == 'ئ' || last == 'ؤ') && stem.length() >= 4 && stem.charAt(stem.length() - 2) == 'ا'
                ? stem.substring(0, stem.length() - 1) + "ء" : stem;
    }

    /** فرعا, وفدا, حيا: an indefinite accusative of a listed noun, whose first letter is the noun's own, or null. */
    static Word listedAccusative(Doc d, String form) {
        Word w = form.length() >= 3 && form.endsWith("ا") ? d.lexicon.get(form.substring(0, form.length() - 1)) : null;
        return w != null && w.singular != null && !w.dual ? w : null;
    }

    private static boolean hadTanween(String text, Token t) {
        return tanweenWritten(text, t) || text.charAt(t.end - 1) == '\u0627';
    }

    private static boolean tanweenWritten(String text, Token t) {
        for (int i = t.start; i < t.end; i++) {
            if (text.charAt(i) == '\u064B') {
                return true;
            }
        }
        return false;
    }

    /** The noun an Arabic ordinal follows (الدفعة السادسة → دفعة), or null. */
    static String arabicBefore(Doc d, int i) {
        Token t = d.at(i);
        if (t.type != TokenType.ARABIC || t.entry != null && (t.has(Role.STOP) || t.entry.isNumber()
                || t.entry.namesMonth() || t.entry.ordinal > 0 || t.entry.weekday > 0)) {
            return null;
        }
        String form = Normalizer.clean(d.text, t.start, t.end);
        String stem = stripArticle(form);
        if (stem == null) {
            return null;
        }
        String singular = singularOfPlural(d, stem);  // المجموعات التسع: a sound plural too
        return singular != null ? singular : stem;
    }

    /** The Arabic word at i carries the article, with or without a glued preposition (الدورة, بالذكرى). */
    static boolean arabicDefinite(Doc d, int i) {
        Token t = d.at(i);
        if (t.type != TokenType.ARABIC) {
            return false;
        }
        String x = d.text;
        int s = t.start;
        int n = t.end - t.start;
        if ((x.charAt(s) == 'و' || x.charAt(s) == 'ف') && n > 4) {
            s++;
            n--;
        }
        char c = x.charAt(s);
        if (n > 3 && c == 'ل' && x.charAt(s + 1) == 'ل') {
            return true;  // للدول
        }
        if (n > 4 && (c == 'ب' || c == 'ك') && x.charAt(s + 1) == 'ا' && x.charAt(s + 2) == 'ل') {
            return true;  // بالذكرى
        }
        return n > 3 && c == 'ا' && x.charAt(s + 1) == 'ل';
    }

    /** The definite noun at i is written in the plural (الدول, اللاعبون), as a listed plural or a sound one. */
    static boolean arabicDefinitePlural(Doc d, int i) {
        String stem = definiteStem(d, i);
        if (stem == null) {
            return false;
        }
        return singularOfPlural(d, stem) != null;
    }

    /** The Arabic word at i without its article and the clitics before it (بالوزن → وزن), or null if indefinite. */
    static String definiteStem(Doc d, int i) {
        Token t = d.at(i);
        return t.type == TokenType.ARABIC ? stripArticle(Normalizer.clean(d.text, t.start, t.end)) : null;
    }

    /** The word form without its article and the clitics before it (والتجربة → تجربة), or null if indefinite. */
    static String definiteStemOf(String form) {
        return stripArticle(form);
    }

    static String stripArticle(String form) {
        String f = form;
        if (f.startsWith("و") && f.length() > 4) {
            f = f.substring(1);
        }
        if (f.startsWith("لل") && f.length() > 3) {
            return f.substring(2);
        }
        if ((f.startsWith("بال") || f.startsWith("كال")) && f.length() > 4) {
            return f.substring(3);
        }
        if (f.startsWith("ال") && f.length() > 3) {
            return f.substring(2);
        }
        return null;
    }
}
