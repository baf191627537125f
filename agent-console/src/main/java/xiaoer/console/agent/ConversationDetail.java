package xiaoer.console.agent;

import java.util.List;

/**
 * A conversation with its whole history (internal notes and the bot's notes included), oldest first.
 *
 * @param shopperLang the language the shopper writes in ({@code zh}, {@code en}): the service's own lines follow it,
 *                    and the agent is shown it so they can answer in it
 */
public record ConversationDetail(ConversationView conversation, List<EventView> events, long lastSeq,
                                 String shopperLang) {
}
