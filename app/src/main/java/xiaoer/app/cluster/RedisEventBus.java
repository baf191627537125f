package xiaoer.app.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.ConversationChanged;
import xiaoer.engine.chat.EngineEvent;
import xiaoer.engine.chat.EventBus;
import xiaoer.engine.chat.TypingEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The cluster's event bus: every node publishes to one Redis topic and every node (itself included) delivers what
 * arrives to its own widget sockets and consoles. Redisson reconnects and resubscribes after a Redis restart; a
 * widget that missed live events gets them from the database by {@code lastSeq} when it reconnects.
 */
public final class RedisEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    /** What travels on the topic: the event's kind and its JSON. */
    record Envelope(String type, String json) {
    }

    private final RTopic topic;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    public RedisEventBus(RedissonClient redisson, String topicName) {
        this.topic = redisson.getTopic(topicName, StringCodec.INSTANCE);
        this.topic.addListener(String.class, (channel, message) -> deliver(message));
    }

    @Override
    public void publish(EngineEvent event) {
        try {
            String type = event instanceof ChatEvent ? "chat"
                    : event instanceof ConversationChanged ? "conversation" : "typing";
            topic.publish(json.writeValueAsString(new Envelope(type, json.writeValueAsString(event))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unserializable event " + event, e);
        } catch (RuntimeException e) {
            // live delivery is best effort: the event is stored, clients catch up by lastSeq
            log.warn("could not publish {} to Redis: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    @Override
    public void subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    private void deliver(String message) {
        EngineEvent event;
        try {
            Envelope envelope = json.readValue(message, Envelope.class);
            event = switch (envelope.type()) {
                case "chat" -> json.readValue(envelope.json(), ChatEvent.class);
                case "conversation" -> json.readValue(envelope.json(), ConversationChanged.class);
                case "typing" -> json.readValue(envelope.json(), TypingEvent.class);
                default -> null;
            };
        } catch (JsonProcessingException e) {
            log.warn("dropping an unreadable event from Redis: {}", e.getOriginalMessage());
            return;
        }
        if (event == null) return;
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
