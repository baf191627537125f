package xiaoer.engine.text;

import xiaoer.kb.analysis.LanguageDetector;

import java.util.List;

/**
 * The language the service speaks to a shopper in: English when their latest messages are clearly English, Chinese
 * otherwise (the default). "Clearly" means English words and no Chinese, so that a Chinese shopper's "ok", "sf" or
 * "3q" does not switch the service's language.
 */
public final class ShopperLanguage {

    /** How many of the latest messages are looked at together. */
    static final int WINDOW = 3;
    /** Fewer Latin letters than this, with no Chinese either, says nothing about the language. */
    private static final int MIN_LATIN_LETTERS = 4;

    private ShopperLanguage() {
    }

    public static String of(String text) {
        return of(text == null ? List.of() : List.of(text));
    }

    /** From the shopper's messages, oldest first. */
    public static String of(List<String> shopperTexts) {
        StringBuilder recent = new StringBuilder();
        for (int i = Math.max(0, shopperTexts.size() - WINDOW); i < shopperTexts.size(); i++) {
            String t = shopperTexts.get(i);
            if (t != null) recent.append(t).append(' ');
        }
        String text = recent.toString();
        if (!"en".equals(LanguageDetector.detect(text, ServiceTexts.DEFAULT_LANG))) return ServiceTexts.DEFAULT_LANG;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters++;
        }
        return letters >= MIN_LATIN_LETTERS ? "en" : ServiceTexts.DEFAULT_LANG;
    }
}
