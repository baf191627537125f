package xiaoer.app.cluster;

import org.redisson.api.RKeys;
import org.redisson.api.RedissonClient;
import xiaoer.engine.routing.Assignment;
import xiaoer.engine.routing.AssignmentTally;
import xiaoer.engine.routing.RoutingState;
import xiaoer.engine.routing.ShiftHandover;
import xiaoer.engine.routing.SilenceClock;

import java.time.Instant;

/**
 * Routing's state in Redis for cluster mode, every key under one prefix ({@code xiaoer:routing} in production):
 * {@code :queue} (+ {@code :queue:version}), {@code :owners}, {@code :loads}, {@code :assignments}, {@code :silence},
 * {@code :timeout-offers}, {@code :tallies}, {@code :places-told}, {@code :seats},
 * {@code :handovers}.
 */
public final class RedisRoutingState {

    private static final String[] KEYS = {":queue", ":queue:version", ":owners", ":loads", ":assignments",
            ":silence", ":timeout-offers", ":tallies", ":places-told", ":seats", ":handovers"};

    private RedisRoutingState() {
    }

    public static RoutingState create(RedissonClient redisson, String prefix) {
        return new RoutingState(
                new RedisWaitingQueue(redisson, prefix + ":queue"),
                new RedisAssignmentLedger(redisson, prefix + ":owners"),
                new RedisAgentLoads(redisson, prefix + ":loads"),
                new RedisStateMap<>(redisson, prefix + ":assignments", Assignment.class),
                new RedisStateMap<>(redisson, prefix + ":silence", SilenceClock.class),
                new RedisStateMap<>(redisson, prefix + ":timeout-offers", Instant.class),
                new RedisStateMap<>(redisson, prefix + ":tallies", AssignmentTally.class),
                new RedisStateMap<>(redisson, prefix + ":places-told", Integer.class),
                new RedisSeatStore(redisson, prefix + ":seats"),
                new RedisHandoverStore(redisson, prefix + ":handovers"));
    }

    /** Deletes every key of {@code prefix} (tests). */
    public static void delete(RedissonClient redisson, String prefix) {
        RKeys keys = redisson.getKeys();
        String[] names = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) names[i] = prefix + KEYS[i];
        keys.delete(names);
    }
}
