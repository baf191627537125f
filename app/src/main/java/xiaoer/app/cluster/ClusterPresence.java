package xiaoer.app.cluster;

import org.redisson.api.RMapCache;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Which nodes are alive: every node writes its id into a Redis map ({@link RMapCache}) with a time to live and
 * renews it every {@code heartbeat}; an entry not renewed within {@code ttl} disappears (a killed node). Each node
 * compares the map with what it saw last and logs {@code cluster: node joined/left}. Shown as the {@code cluster}
 * component of {@code /actuator/health} (the node list when details are shown). Listeners hear of nodes that left
 * (the console sessions they held are dropped).
 */
public final class ClusterPresence implements HealthIndicator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterPresence.class);

    private final RMapCache<String, String> nodes;
    private final String nodeId;
    private final String info;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    private volatile Set<String> seen = Set.of();
    private volatile Instant lastBeat;
    private volatile String lastError;
    private final List<Consumer<String>> leftListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> beatListeners = new CopyOnWriteArrayList<>();

    public ClusterPresence(RedissonClient redisson, String nodeId, String info, Duration heartbeat, Duration ttl) {
        this(redisson, "xiaoer:nodes", nodeId, info, heartbeat, ttl);
    }

    /** With another key for the node map: for tests that must not show up in a real cluster's node list. */
    ClusterPresence(RedissonClient redisson, String key, String nodeId, String info, Duration heartbeat, Duration ttl) {
        this.nodes = redisson.getMapCache(key, StringCodec.INSTANCE);
        this.nodeId = nodeId;
        this.info = info;
        this.ttl = ttl;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xiaoer-cluster-presence");
            t.setDaemon(true);
            return t;
        });
        beat();
        timer.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    /** How many nodes the last heartbeat saw (this one included). */
    public int liveNodeCount() {
        return Math.max(1, seen.size());
    }

    /** Calls {@code listener} (on the heartbeat thread) with the id of each node noticed to have left. */
    public void onNodeLeft(Consumer<String> listener) {
        leftListeners.add(listener);
    }

    /** Calls {@code listener} (on the heartbeat thread) after each heartbeat that reached Redis. */
    public void onBeat(Runnable listener) {
        beatListeners.add(listener);
    }

    /** The ids of the live nodes, read from Redis now. */
    public Set<String> nodeIds() {
        return new TreeSet<>(nodes.readAllKeySet());
    }

    /** The live nodes and what they said about themselves. */
    public Map<String, String> nodes() {
        return new TreeMap<>(nodes.readAllMap());
    }

    void beat() {
        try {
            nodes.fastPut(nodeId, info + " at " + Instant.now(), ttl.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> now = new TreeSet<>(nodes.readAllKeySet());
            Set<String> before = seen;
            for (String n : now) {
                if (!before.contains(n)) log.info("cluster: node joined: {} ({} nodes: {})", n, now.size(), now);
            }
            for (String n : before) {
                if (!now.contains(n)) {
                    log.info("cluster: node left: {} ({} nodes: {})", n, now.size(), now);
                    tellLeft(n);
                }
            }
            seen = now;
            lastBeat = Instant.now();
            if (lastError != null) log.info("cluster: presence restored");
            lastError = null;
            for (Runnable listener : beatListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.debug("cluster: heartbeat listener failed: {}", e.toString()); // tried again next beat
                }
            }
        } catch (RuntimeException e) {
            if (lastError == null) log.warn("cluster: presence heartbeat failed: {}", e.toString());
            lastError = e.toString();
        }
    }

    private void tellLeft(String node) {
        for (Consumer<String> listener : leftListeners) {
            try {
                listener.accept(node);
            } catch (RuntimeException e) {
                log.warn("cluster: could not handle node {} leaving: {}", node, e.toString());
            }
        }
    }

    @Override
    public Health health() {
        Health.Builder b = lastError == null ? Health.up() : Health.down().withDetail("error", lastError);
        return b.withDetail("node", nodeId).withDetail("nodes", seen).withDetail("lastHeartbeat", String.valueOf(lastBeat))
                .build();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            nodes.fastRemove(nodeId); // a clean stop is noticed at once; a crash after the ttl
        } catch (RuntimeException e) {
            log.debug("could not remove {} from the node map: {}", nodeId, e.toString());
        }
    }
}
