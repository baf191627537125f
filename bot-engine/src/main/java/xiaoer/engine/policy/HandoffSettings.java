package xiaoer.engine.policy;

import java.util.List;
import java.util.Map;

/**
 * When the bot hands a conversation to a person. Words are written in simplified characters and lower case;
 * the rules fold the shopper's text before matching.
 *
 * @param keywords           words by which a shopper asks for a person (转人工, 人工客服, 真人, …)
 * @param complaintKeywords  words of a complaint (投诉, 举报, 12315, …): hand off and open a ticket
 * @param ignored            longer words in which a keyword is no request (人工智能, 人工费)
 * @param negations          words that decline what follows within 3 characters (不用转人工)
 * @param lowConfidenceLimit hand off once the bot has given this many low-confidence answers in a row (default 2)
 * @param handOffAngry       hand an angry shopper to a person at once (default true: calm, apologise, hand over)
 */
public record HandoffSettings(List<String> keywords, List<String> complaintKeywords, List<String> ignored,
                              List<String> negations, int lowConfidenceLimit, boolean handOffAngry) {

    private static final String RESOURCE = "handoff-keywords.txt";

    public HandoffSettings {
        keywords = List.copyOf(keywords);
        complaintKeywords = List.copyOf(complaintKeywords);
        ignored = List.copyOf(ignored);
        negations = List.copyOf(negations);
        if (lowConfidenceLimit < 1) throw new IllegalArgumentException("lowConfidenceLimit >= 1");
    }

    /** The manuals' values: the words in {@code handoff-keywords.txt}, 2 unsure answers, angry shoppers early. */
    public static HandoffSettings defaults() {
        Map<String, List<String>> s = ResourceLines.sections(RESOURCE);
        return new HandoffSettings(s.getOrDefault("keyword", List.of()), s.getOrDefault("complaint", List.of()),
                s.getOrDefault("ignore", List.of()), s.getOrDefault("negation", List.of()), 2, true);
    }

    public HandoffSettings withLowConfidenceLimit(int limit) {
        return new HandoffSettings(keywords, complaintKeywords, ignored, negations, limit, handOffAngry);
    }

    public HandoffSettings withHandOffAngry(boolean handOff) {
        return new HandoffSettings(keywords, complaintKeywords, ignored, negations, lowConfidenceLimit, handOff);
    }
}
