package xiaoer.console.trainer;

import java.util.List;

/**
 * @param text    the shopper's message (required, at most {@code xiaoer.console.max-text-length} characters)
 * @param lang    zh or en; null lets the knowledge base detect it
 * @param history the shopper's earlier messages in the conversation, oldest first (optional)
 */
public record ExplainRequest(String text, String lang, List<String> history) {
}
