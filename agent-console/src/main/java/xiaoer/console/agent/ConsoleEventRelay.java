package xiaoer.console.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
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
 *
 * <p>A push to a topic nobody on this node subscribes to is not built at all (issue 10: every stored event became
 * JSON and a broker message, with no console open, on the hottest path): the relay asks the node's simple broker for
 * the topic's subscriptions first, the same look-up the broker itself would make when handling the push.
 */
@Component
public class ConsoleEventRelay implements SmartInitializingSingleton {

    public static final String QUEUE_TOPIC = "/topic/console/queue";
    public static final String AGENT_QUEUE = "/queue/console";
    public static final String CONVERSATION_TOPIC = "/topic/console/conversation/";

    private static final Logger log = LoggerFactory.getLogger(ConsoleEventRelay.class);

    private static final byte[] NO_PAYLOAD = new byte[0];

    private final ChatEngine engine;
    private final SimpMessagingTemplate messaging;
    private final Clock clock;
    private final ObjectProvider<SimpleBrokerMessageHandler> broker;
    /** The node's broker's subscriptions; null when there is no simple broker (then every push is sent). */
    private volatile SubscriptionRegistry subscriptions;

    public ConsoleEventRelay(ChatEngine engine, SimpMessagingTemplate messaging, ObjectProvider<Clock> clock,
                             ObjectProvider<SimpleBrokerMessageHandler> broker) {
        this.engine = engine;
        this.messaging = messaging;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.broker = broker;
    }

    /** Subscribes once all singletons exist, so no event is relayed into a half-built broker. */
    @Override
    public void afterSingletonsInstantiated() {
        SimpleBrokerMessageHandler simple = broker.getIfUnique();
        subscriptions = simple == null ? null : simple.getSubscriptionRegistry();
        engine.bus().subscribe(this::relay);
    }

    void relay(EngineEvent event) {
        // Java 17: no pattern switch; the bus has exactly three event kinds
        if (event instanceof ChatEvent e) {
            String topic = CONVERSATION_TOPIC + e.conversationId();
            if (watched(topic)) messaging.convertAndSend(topic, ConsolePush.message(EventView.of(e)));
        } else if (event instanceof ConversationChanged c) {
            boolean toQueue = watched(QUEUE_TOPIC);
            boolean toAgent = c.conversation().agentId() != null;
            if (!toQueue && !toAgent) return;
            ConsolePush push = ConsolePush.conversation(ConversationView.of(c.conversation(), clock));
            if (toQueue) messaging.convertAndSend(QUEUE_TOPIC, push);
            if (toAgent) {
                messaging.convertAndSendToUser(c.conversation().agentId(), AGENT_QUEUE, push, mutableHeaders());
            }
        } else if (event instanceof TypingEvent t && t.from() == Sender.SHOPPER) {
            String topic = CONVERSATION_TOPIC + t.conversationId();
            if (watched(topic)) {
                messaging.convertAndSend(topic, ConsolePush.typing(t.conversationId(), t.from().wire(), t.on()));
            }
        }
        if (log.isDebugEnabled()) log.debug("relayed {} to consoles", event.getClass().getSimpleName());
    }

    /** Whether a console on this node subscribes to {@code destination} now (true when that cannot be known). */
    boolean watched(String destination) {
        SubscriptionRegistry registry = subscriptions;
        if (registry == null) return true;
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        Message<byte[]> probe = MessageBuilder.createMessage(NO_PAYLOAD, headers.getMessageHeaders());
        return !registry.findSubscriptions(probe).isEmpty();
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
