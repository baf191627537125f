package xiaoer.engine.chat;

import xiaoer.engine.text.ServiceTexts;
import xiaoer.engine.text.ShopperLanguage;

/** The language to speak to a conversation's shopper in, from their latest message (one bounded look-up). */
final class ConversationLanguage {

    private ConversationLanguage() {
    }

    static String of(ConversationStore store, String conversationId) {
        return store.lastFrom(conversationId, Sender.SHOPPER, Long.MAX_VALUE)
                .map(e -> ShopperLanguage.of(e.text()))
                .orElse(ServiceTexts.DEFAULT_LANG);
    }
}
