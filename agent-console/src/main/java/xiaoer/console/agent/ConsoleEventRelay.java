package xiaoer.console.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.ConversationChanged;
import xiaoer.engine.chat.EngineEvent;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.TypingEvent;

import java.time.Clock;

/**
 * Forwards the engine's bus to the consoles connected to this node. In a cluster every node's bus carries every
 * event, so each node only talks to its own STOMP clients.
 *
 * <ul>
 *   <li>{@code /topic/console/queue}: a conversation was queued, accepted or closed</li>
 *   <li>{@code /user/queue/console}: the same, to the agent who owns it</li>
 *   <li>{@code /topic/console/conversation/{id}}: its stored events (with seq) and the shopper's typing</li>
 * </ul>
 */
@Component
public class ConsoleEventRelay implements SmartInitializingSingleton {

    public static final String QUEUE_TOPIC = "/topic/console/queue";
    public static final String AGENT_QUEUE = "/queue/console";
    public static final String CONVERSATION_TOPIC = "/topic/console/conversation/";

    private static final Logger log = LoggerFactory.getLogger(ConsoleEventRelay.class);

    private final ChatEngine engine;
    private final SimpMessagingTemplate messaging;
    private final Clock clock;

    public ConsoleEventRelay(ChatEngine engine, SimpMessagingTemplate messaging, ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.messaging = messaging;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Subscribes once all singletons exist, so no event is relayed into a half-built broker. */
    @Override
    public void afterSingletonsInstantiated() {
        engine.bus().subscribe(this::relay);
    }

    void relay(EngineEvent event) {
        // Java 17: no pattern switch; the bus has exactly three event kinds
        if (event instanceof ChatEvent e) {
            messaging.convertAndSend(CONVERSATION_TOPIC + e.conversationId(), ConsolePush.message(EventView.of(e)));
        } else if (event instanceof ConversationChanged c) {
            ConsolePush push = ConsolePush.conversation(ConversationView.of(c.conversation(), clock));
            messaging.convertAndSend(QUEUE_TOPIC, push);
            if (c.conversation().agentId() != null) {
                messaging.convertAndSendToUser(c.conversation().agentId(), AGENT_QUEUE, push, mutableHeaders());
            }
        } else if (event instanceof TypingEvent t && t.from() == Sender.SHOPPER) {
            messaging.convertAndSend(CONVERSATION_TOPIC + t.conversationId(),
                    ConsolePush.typing(t.conversationId(), t.from().wire(), t.on()));
        }
        log.debug("relayed {} to consoles", event.getClass().getSimpleName());
    }

    /**
     * With the broker's publish order preserved, a user-destination message is re-routed per session and Spring needs
     * its headers to stay mutable ("Expected mutable SimpMessageHeaderAccessor" otherwise, and the push is lost).
     */
    private static MessageHeaders mutableHeaders() {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        accessor.setLeaveMutable(true);
        return accessor.getMessageHeaders();
    }
}
