package xiaoer.kb;

import java.util.List;
import java.util.Map;

/**
 * A script in another language: the phrasings shoppers of that language use and the answer they get. It shares the
 * script's id, category and tags, so whatever the product does for the script (look up an order, open a ticket,
 * hand over) it does in every language. Facts and variants are the translation's own: a locked value is written
 * in its language ("7天" / "7 days").
 */
public record Translation(List<String> questions, String answer, Map<String, String> variants,
                          Map<String, String> facts, List<QuickReply> quickReplies) {

    public Translation {
        questions = questions == null ? List.of() : List.copyOf(questions);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }
}
