package xiaoer.console;

import org.springframework.stereotype.Component;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationChanged;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.InMemoryConversationStore;
import xiaoer.engine.chat.Visitor;

import java.time.Instant;
import java.util.UUID;

/** Test fixture: shoppers whose conversations are put into the state a test needs, through the engine's ports. */
@Component
public class Shoppers {

    private final ChatEngine engine;
    private final InMemoryConversationStore store;

    public Shoppers(ChatEngine engine, InMemoryConversationStore store) {
        this.engine = engine;
        this.store = store;
    }

    public Visitor newVisitor() {
        return Visitor.anonymous("default", "v-" + UUID.randomUUID());
    }

    /** A greeted conversation moved to the queue the way a hand-off does, without depending on the bot's matching. */
    public Conversation waiting() {
        Conversation c = engine.connect(newVisitor(), 0).conversation();
        Conversation queued = store.transition(c.id(), ConversationStatus.BOT, ConversationStatus.QUEUED, null, null,
                "keyword", Instant.now()).orElseThrow();
        engine.bus().publish(new ConversationChanged(queued));
        return queued;
    }

    /** A conversation the given agent has accepted. */
    public Conversation ownedBy(String agentId) {
        Conversation c = waiting();
        return engine.accept(new xiaoer.engine.chat.AgentRef(agentId, agentId), c.id());
    }
}
