package xiaoer.app.cluster;

import org.redisson.api.RMap;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import xiaoer.console.agent.ConsoleSessions;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link ConsoleSessions} shared by the nodes through Redis: each node records its STOMP sessions in its own hash
 * ({@code <prefix>:node:<nodeId>}, session id → agent), so that when a node leaves ({@link #nodeLeft}, from
 * {@link ClusterPresence}) its sessions are dropped at once, and an agent who reconnected to another node stays live.
 * Since when an agent has had no session is kept in {@code <prefix>:gone} (agent → epoch millis). Only sessions on
 * live nodes count, and every mark is checked against them before it is acted on, so a mark left by a race (a close
 * here while the agent opened a session on another node) does no harm. This node keeps its own sessions in memory as
 * well and writes them back ({@link #republish}) if its hash was dropped while it lived: a Redis outage longer than
 * the node ttl makes every node look gone to the others.
 */
public final class RedisConsoleSessions implements ConsoleSessions {

    private final RedissonClient redisson;
    private final String prefix;
    private final String nodeId;
    private final Supplier<Set<String>> liveNodes;
    private final Clock clock;
    private final RSet<String> nodesWithSessions;
    private final RMap<String, String> gone;
    private final Map<String, String> mine = new HashMap<>(); // this node's sessions: session id -> agent

    public RedisConsoleSessions(RedissonClient redisson, String prefix, String nodeId, Supplier<Set<String>> liveNodes,
                                Clock clock) {
        this.redisson = redisson;
        this.prefix = prefix;
        this.nodeId = nodeId;
        this.liveNodes = liveNodes;
        this.clock = clock;
        this.nodesWithSessions = redisson.getSet(prefix + ":nodes", StringCodec.INSTANCE);
        this.gone = redisson.getMap(prefix + ":gone", StringCodec.INSTANCE);
    }

    private RMap<String, String> sessionsOf(String node) {
        return redisson.getMap(prefix + ":node:" + node, StringCodec.INSTANCE);
    }

    // opened, closed and republish hold the lock: a republish never writes back a session that just closed
    @Override
    public synchronized void opened(String agentId, String sessionId) {
        mine.put(sessionId, agentId);
        nodesWithSessions.add(nodeId);
        sessionsOf(nodeId).fastPut(sessionId, agentId);
        gone.fastRemove(agentId);
    }

    @Override
    public synchronized void closed(String sessionId) {
        String agent = mine.remove(sessionId);
        sessionsOf(nodeId).fastRemove(sessionId);
        if (agent != null) markIfGone(Set.of(agent), liveNodes.get());
    }

    /** Writes this node's sessions back if another node dropped them (it took this one for gone); on each heartbeat. */
    public synchronized void republish() {
        RMap<String, String> sessions = sessionsOf(nodeId);
        if (mine.isEmpty() || sessions.isExists()) return;
        nodesWithSessions.add(nodeId);
        sessions.putAll(mine); // the agents' gone marks are cleared by the next sweep, which finds them live here
    }

    /** A node left the cluster: its sessions are dropped, and its agents without a session elsewhere are gone. */
    public void nodeLeft(String node) {
        RMap<String, String> sessions = sessionsOf(node);
        Set<String> agents = new HashSet<>(sessions.readAllValues());
        sessions.delete();
        nodesWithSessions.remove(node);
        Set<String> live = new HashSet<>(liveNodes.get());
        live.remove(node);
        markIfGone(agents, live);
    }

    @Override
    public Set<String> goneBefore(Instant cutoff) {
        Set<String> live = liveNodes.get();
        // a node that left while no node watched (the whole cluster restarted): its sessions are dropped here
        for (String node : nodesWithSessions.readAll()) {
            if (!live.contains(node)) nodeLeft(node);
        }
        Set<String> result = new HashSet<>();
        for (Map.Entry<String, String> e : gone.readAllMap().entrySet()) {
            if (!Instant.ofEpochMilli(Long.parseLong(e.getValue())).isBefore(cutoff)) continue;
            if (liveOn(e.getKey(), live)) {
                gone.fastRemove(e.getKey()); // back on some node: the mark was a race
            } else {
                result.add(e.getKey());
            }
        }
        return result;
    }

    @Override
    public void forget(String agentId) {
        gone.fastRemove(agentId);
    }

    private void markIfGone(Set<String> agents, Set<String> live) {
        String now = Long.toString(clock.millis());
        for (String agent : agents) {
            if (!liveOn(agent, live)) gone.fastPutIfAbsent(agent, now);
        }
    }

    private boolean liveOn(String agent, Set<String> live) {
        for (String node : live) {
            if (sessionsOf(node).containsValue(agent)) return true;
        }
        return false;
    }
}
