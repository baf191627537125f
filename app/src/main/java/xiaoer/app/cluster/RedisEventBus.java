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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The cluster's event bus. An event is delivered to this node's own widget sockets and consoles at once, on the
 * publishing thread (so a Redis outage never stops a node serving its own clients), and sent to the other nodes
 * through one Redis topic. Each node skips the copies it published itself, so every node delivers an event once.
 *
 * <p>Publishing to Redis never blocks the caller (a widget lane or a console request): events wait in ordered
 * lanes, keyed by visitor, and each lane publishes in order and retries through a Redis outage, so one visitor's
 * events reach the other nodes in order, and late rather than never. A lane holds at most {@code laneCapacity}
 * events; beyond that the newest are dropped with a warning (clients still get them from the database by
 * {@code lastSeq}). Redisson reconnects and resubscribes by itself after Redis comes back.
 */
public final class RedisEventBus implements EventBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
    private static final long RESUBSCRIBE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** What travels on the topic: the publishing node, the event's kind and its JSON. */
    record Envelope(String node, String type, String json) {
    }

    private final RTopic topic;
    private final String nodeId;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<String>> lanes;
    private final List<Thread> publishers;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final IntSupplier liveNodes;
    private volatile boolean open = true;

    public RedisEventBus(RedissonClient redisson, String topicName, String nodeId, IntSupplier liveNodes) {
        this(redisson, topicName, nodeId, liveNodes, 4, 10_000);
    }

    /**
     * @param liveNodes how many nodes are alive (presence): right after a Redis outage, a publish that reached fewer
     *                  subscribers than that is repeated for a few seconds, while the other nodes resubscribe
     */
    public RedisEventBus(RedissonClient redisson, String topicName, String nodeId, IntSupplier liveNodes,
                         int laneCount, int laneCapacity) {
        this.nodeId = nodeId;
        this.liveNodes = liveNodes;
        this.topic = redisson.getTopic(topicName, StringCodec.INSTANCE);
        this.topic.addListener(String.class, (channel, message) -> deliverRemote(message));
        this.lanes = new CopyOnWriteArrayList<>();
        this.publishers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            BlockingQueue<String> lane = new ArrayBlockingQueue<>(laneCapacity);
            lanes.add(lane);
            Thread t = new Thread(() -> drain(lane), "xiaoer-bus-publisher-" + i);
            t.setDaemon(true);
            t.start();
            publishers.add(t);
        }
    }

    @Override
    public void publish(EngineEvent event) {
        deliverLocally(event);
        String message;
        try {
            String type = event instanceof ChatEvent ? "chat"
                    : event instanceof ConversationChanged ? "conversation" : "typing";
            message = json.writeValueAsString(new Envelope(nodeId, type, json.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unserializable event " + event, e);
        }
        BlockingQueue<String> lane = lanes.get(Math.floorMod(laneKey(event).hashCode(), lanes.size()));
        if (!lane.offer(message)) {
            if (dropped.incrementAndGet() % 100 == 1) {
                log.warn("Redis event lane full: {} events not sent to other nodes so far (they replay by lastSeq)",
                        dropped.get());
            }
        }
    }

    private static String laneKey(EngineEvent event) {
        if (event instanceof ChatEvent e) return e.visitorKey();
        if (event instanceof TypingEvent t) return t.visitorKey();
        if (event instanceof ConversationChanged c) return c.conversation().shop() + ":" + c.conversation().visitorId();
        return "";
    }

    @Override
    public void subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    /** Events waiting to be sent to the other nodes. */
    public int pending() {
        return lanes.stream().mapToInt(BlockingQueue::size).sum();
    }

    /** Events not sent to the other nodes because a lane was full. */
    public long dropped() {
        return dropped.get();
    }

    private void drain(BlockingQueue<String> lane) {
        long backoffMs = 50;
        boolean failing = false;
        long recoveringUntil = 0;
        while (open) {
            String message;
            try {
                message = lane.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (message == null) continue;
            while (open) {
                try {
                    long receivers = topic.publish(message);
                    if (failing) {
                        log.info("Redis reachable again: cross-node events flow (lane backlog {})", lane.size());
                        recoveringUntil = System.nanoTime() + RESUBSCRIBE_GRACE_NANOS;
                    }
                    failing = false;
                    backoffMs = 50;
                    if (receivers < liveNodes.getAsInt() && System.nanoTime() < recoveringUntil) {
                        // other nodes have not resubscribed yet after the outage: send it again shortly (a
                        // repeated event is harmless: widgets and consoles skip a seq they already have)
                        Thread.sleep(200);
                        continue;
                    }
                    break;
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    if (!failing) {
                        log.warn("could not publish to Redis ({}); holding cross-node events and retrying", e.toString());
                    }
                    failing = true;
                    try {
                        Thread.sleep(backoffMs);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    backoffMs = Math.min(1_000, backoffMs * 2);
                }
            }
        }
    }

    private void deliverRemote(String message) {
        EngineEvent event;
        try {
            Envelope envelope = json.readValue(message, Envelope.class);
            if (nodeId.equals(envelope.node())) return; // delivered locally when published
            event = switch (envelope.type() == null ? "" : envelope.type()) {
                case "chat" -> json.readValue(envelope.json(), ChatEvent.class);
                case "conversation" -> json.readValue(envelope.json(), ConversationChanged.class);
                case "typing" -> json.readValue(envelope.json(), TypingEvent.class);
                default -> null;
            };
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("dropping an unreadable event from Redis: {}", e.getMessage());
            return;
        }
        if (event != null) deliverLocally(event);
    }

    private void deliverLocally(EngineEvent event) {
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void close() {
        // give queued events a moment to leave, then stop
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (pending() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
        }
        open = false;
        publishers.forEach(Thread::interrupt);
    }
}
