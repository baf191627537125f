package xiaoer.app.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes' console sessions on one Redis (127.0.0.1:6379, fresh keys per test): a node that leaves takes its
 * sessions with it, and an agent with a session on another node stays live. The node-left case runs through real
 * {@link ClusterPresence} heartbeats on a test node map.
 */
class RedisConsoleSessionsTests {

    private final String prefix = "xiaoer:test:console:" + UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");
    private final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private RedissonClient redisA;
    private RedissonClient redisB;
    private ClusterPresence presenceA;
    private ClusterPresence presenceB;

    @BeforeEach
    void redis() {
        redisA = LocalRedis.client();
        redisB = LocalRedis.client();
    }

    @AfterEach
    void close() {
        if (presenceA != null) presenceA.close();
        if (presenceB != null) presenceB.close();
        redisA.getKeys().deleteByPattern(prefix + "*");
        redisA.shutdown();
        redisB.shutdown();
    }

    private Set<String> goneLongAgo(RedisConsoleSessions sessions) {
        return sessions.goneBefore(t0.plusSeconds(1));
    }

    @Test
    void theSessionsOfANodeThatLeftAreDroppedAndASessionOnAnotherNodeKeepsTheAgentLive() {
        Duration beat = Duration.ofMillis(100);
        presenceA = new ClusterPresence(redisA, prefix + ":nodes-map", "a", "test", beat, Duration.ofSeconds(5));
        presenceB = new ClusterPresence(redisB, prefix + ":nodes-map", "b", "test", beat, Duration.ofSeconds(5));
        RedisConsoleSessions a = new RedisConsoleSessions(redisA, prefix, "a", presenceA::nodeIds, clock);
        RedisConsoleSessions b = new RedisConsoleSessions(redisB, prefix, "b", presenceB::nodeIds, clock);
        presenceA.onNodeLeft(a::nodeLeft);
        presenceA.onBeat(a::republish);
        await().atMost(Duration.ofSeconds(5)).until(() -> presenceA.nodeIds().equals(Set.of("a", "b")));

        a.opened("amy", "s-a1");
        b.opened("amy", "s-b1"); // amy reconnected to node b, her old console on a not closed yet
        b.opened("bob", "s-b2");
        assertThat(goneLongAgo(a)).isEmpty();

        presenceB.close(); // node b stops: A's presence notices on its next heartbeat and drops b's sessions
        presenceB = null;
        // the leave handler drops b's hash, then marks its agents: wait for the whole of it (the mark comes last)
        await().atMost(Duration.ofSeconds(5)).until(() -> !redisA.getMap(prefix + ":node:b", StringCodec.INSTANCE)
                .isExists() && redisA.getMap(prefix + ":gone", StringCodec.INSTANCE).containsKey("bob"));
        assertThat(redisA.getSet(prefix + ":nodes", StringCodec.INSTANCE).readAll()).containsExactly("a");
        // without waiting for a routing pass: the leave itself marked bob gone, amy is still on a
        assertThat(redisA.getMap(prefix + ":gone", StringCodec.INSTANCE).readAllKeySet()).containsExactly("bob");
        assertThat(goneLongAgo(a)).containsExactly("bob");
        assertThat(a.goneBefore(t0)).as("gone since t0, not before it").isEmpty();

        // a Redis outage made node a look gone to some other node, which dropped a's sessions: a writes them back
        a.nodeLeft("a");
        await().atMost(Duration.ofSeconds(5)).until(() -> redisA.getMap(prefix + ":node:a", StringCodec.INSTANCE)
                .readAllMap().equals(java.util.Map.of("s-a1", "amy")));
        assertThat(goneLongAgo(a)).containsExactly("bob");

        a.closed("s-a1");
        assertThat(goneLongAgo(a)).containsExactlyInAnyOrder("amy", "bob");
        a.forget("bob");
        assertThat(goneLongAgo(a)).containsExactly("amy");
    }

    @Test
    void closingTheLastSessionMarksTheAgentGoneUntilTheyReconnectOnAnyNode() {
        live.addAll(Set.of("a", "b"));
        RedisConsoleSessions a = new RedisConsoleSessions(redisA, prefix, "a", () -> Set.copyOf(live), clock);
        RedisConsoleSessions b = new RedisConsoleSessions(redisB, prefix, "b", () -> Set.copyOf(live), clock);

        a.opened("amy", "s1");
        b.opened("amy", "s2");
        a.closed("s1");
        assertThat(goneLongAgo(b)).as("still on b").isEmpty();
        b.closed("s2");
        b.closed("s2"); // a second disconnect event for the same session changes nothing
        assertThat(goneLongAgo(a)).containsExactly("amy");

        a.opened("amy", "s3"); // a reload that reached the other node
        assertThat(goneLongAgo(b)).isEmpty();
    }

    @Test
    void aNodeThatLeftUnwatchedIsSweptAndAStaleMarkForALiveAgentIsCleared() {
        live.addAll(Set.of("a", "b"));
        RedisConsoleSessions a = new RedisConsoleSessions(redisA, prefix, "a", () -> Set.copyOf(live), clock);
        RedisConsoleSessions b = new RedisConsoleSessions(redisB, prefix, "b", () -> Set.copyOf(live), clock);
        a.opened("amy", "s1");
        b.opened("bob", "s2");
        // a race: a close elsewhere marked amy gone while her session on a opened
        redisA.getMap(prefix + ":gone", StringCodec.INSTANCE).put("amy", Long.toString(t0.toEpochMilli() - 60_000));

        live.remove("b"); // b died while no node watched (say the whole cluster restarted)
        assertThat(goneLongAgo(a)).containsExactly("bob");
        assertThat(redisA.getMap(prefix + ":node:b", StringCodec.INSTANCE).isExists()).isFalse();
        assertThat(redisA.getMap(prefix + ":gone", StringCodec.INSTANCE).readAllKeySet()).containsExactly("bob");
    }
}
