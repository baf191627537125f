package xiaoer.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reply script: the phrasings a shopper may use and the answer the bot gives.
 *
 * @param lang         the language of {@code questions} and {@code answer}
 * @param variants     answer wording per customer type ({@code bargain}, {@code skeptic}, {@code cautious},
 *                     {@code urgent}, {@code angry}); the plain {@code answer} is used when none fits
 * @param facts        locked values (price, days, policy) that every variant must state unchanged
 * @param translations the same script in other languages, by language ({@code "en"})
 */
public record Script(String id, String lang, String category, List<String> questions, String answer,
                     Map<String, String> variants, Map<String, String> facts, List<QuickReply> quickReplies,
                     List<String> tags, Map<String, Translation> translations) {

    public Script {
        questions = questions == null ? List.of() : List.copyOf(questions);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        tags = tags == null ? List.of() : List.copyOf(tags);
        lang = lang == null || lang.isBlank() ? "zh" : lang;
        // sorted, so files, diffs and the index list languages the same way every time
        translations = translations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(translations));
    }

    /** A script in one language only. */
    public Script(String id, String lang, String category, List<String> questions, String answer,
                  Map<String, String> variants, Map<String, String> facts, List<QuickReply> quickReplies,
                  List<String> tags) {
        this(id, lang, category, questions, answer, variants, facts, quickReplies, tags, null);
    }

    /** The answer for a customer type, or the plain answer when the script has no variant for it. */
    public String answerFor(String customerType) {
        if (customerType == null) return answer;
        return variants.getOrDefault(customerType, answer);
    }

    /**
     * The script as shoppers of {@code language} see it: its own language without translations, or the translation
     * as a one-language script with the same id; itself (its own language) when it has no such translation.
     */
    public Script in(String language) {
        Translation t = language == null ? null : translations.get(language);
        if (t == null) return translations.isEmpty() ? this : withTranslations(null);
        return new Script(id, language, category, t.questions(), t.answer(), t.variants(), t.facts(), t.quickReplies(),
                tags, null);
    }

    /** Whether shoppers of {@code language} have phrasings and an answer of their own. */
    public boolean speaks(String language) {
        return lang.equals(language) || translations.containsKey(language);
    }

    /** Its own language first, then those of its translations. */
    public List<String> languages() {
        List<String> out = new ArrayList<>();
        out.add(lang);
        out.addAll(translations.keySet());
        return out;
    }

    /** The same script with other translations (none for null). */
    public Script withTranslations(Map<String, Translation> next) {
        return new Script(id, lang, category, questions, answer, variants, facts, quickReplies, tags, next);
    }
}
