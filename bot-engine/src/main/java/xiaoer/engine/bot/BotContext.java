package xiaoer.engine.bot;

import xiaoer.engine.chat.Visitor;

import java.util.List;

/**
 * What the bot knows of the conversation before the new message.
 *
 * @param visitor             the shopper, or null when explaining a sentence outside a conversation (no records)
 * @param conversationId      null outside a conversation
 * @param earlierShopperTexts the shopper's earlier messages, oldest first
 * @param previousScriptId    the script the bot answered the previous message with, or null
 * @param unsureStreak        bot turns in a row before this one that were not sure (suggestions)
 * @param awaitingScriptId    a script that waits for the shopper's order number (slot filling), or null
 */
public record BotContext(Visitor visitor, String conversationId, List<String> earlierShopperTexts,
                         String previousScriptId, int unsureStreak, String awaitingScriptId) {

    public BotContext {
        earlierShopperTexts = earlierShopperTexts == null ? List.of() : List.copyOf(earlierShopperTexts);
    }

    /** A sentence on its own, with optional earlier messages (the explain endpoint). */
    public static BotContext of(List<String> earlierShopperTexts) {
        return new BotContext(null, null, earlierShopperTexts, null, 0, null);
    }

    String previousShopperText() {
        return earlierShopperTexts.isEmpty() ? null : earlierShopperTexts.get(earlierShopperTexts.size() - 1);
    }
}
