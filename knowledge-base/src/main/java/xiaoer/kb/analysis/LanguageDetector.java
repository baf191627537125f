package xiaoer.kb.analysis;

/** Tells Chinese from English by script: any real share of Han characters makes a message Chinese. */
public final class LanguageDetector {

    private LanguageDetector() {
    }

    /** {@code "zh"}, {@code "en"}, or {@code fallback} when the text has neither (digits, emoji, empty). */
    public static String detect(String text, String fallback) {
        if (text == null) return fallback;
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) han++;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\uFF21' && c <= '\uFF5A')) latin++;
        }
        if (han == 0 && latin == 0) return fallback;
        // "iphone能用吗" is Chinese; an English sentence with one Chinese word is English.
        return han * 4 >= latin / 3.0 ? "zh" : "en";
    }
}
