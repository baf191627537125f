package xiaoer.kb;

import java.util.List;
import java.util.Map;

/**
 * A reply script: the phrasings a shopper may use and the answer the bot gives.
 *
 * @param variants answer wording per customer type ({@code bargain}, {@code skeptic}, {@code cautious},
 *                 {@code urgent}, {@code angry}); the plain {@code answer} is used when none fits
 * @param facts    locked values (price, days, policy) that every variant must state unchanged
 */
public record Script(String id, String lang, String category, List<String> questions, String answer,
                     Map<String, String> variants, Map<String, String> facts, List<QuickReply> quickReplies,
                     List<String> tags) {

    public Script {
        questions = questions == null ? List.of() : List.copyOf(questions);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        tags = tags == null ? List.of() : List.copyOf(tags);
        lang = lang == null || lang.isBlank() ? "zh" : lang;
    }

    /** The answer for a customer type, or the plain answer when the script has no variant for it. */
    public String answerFor(String customerType) {
        if (customerType == null) return answer;
        return variants.getOrDefault(customerType, answer);
    }
}
