package xiaoer.app.cluster;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xiaoer.app.routing.RoutingTickGate;

import java.time.Duration;
import java.util.List;

/**
 * Lets one node of the cluster run the periodic routing pass (queue timeouts, silence reminders, places): a Redis key
 * holding the node's id with a time to live, taken when free and renewed by its holder at each tick. A node that
 * stops or dies loses it after the ttl and another node takes over. (The pass's items are also claimed one by one,
 * so even two passes at once — a lease that ran out mid-pass — report each timeout and silence once.)
 */
public final class RoutingTickLease implements RoutingTickGate {

    private static final Logger log = LoggerFactory.getLogger(RoutingTickLease.class);
    private static final String HOLD = """
            local holder = redis.call('get', KEYS[1])
            if holder == false or holder == ARGV[1] then
              redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0""";

    private final RScript script;
    private final List<Object> keys;
    private final String nodeId;
    private final long ttlMs;
    private volatile boolean holding;

    public RoutingTickLease(RedissonClient redisson, String key, String nodeId, Duration ttl) {
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.keys = List.of(key);
        this.nodeId = nodeId;
        this.ttlMs = ttl.toMillis();
    }

    /** True when this node holds (took or renewed) the lease; false when another node does or Redis is down. */
    @Override
    public boolean mayTick() {
        boolean now;
        try {
            Long held = script.eval(RScript.Mode.READ_WRITE, HOLD, RScript.ReturnType.INTEGER, keys, nodeId,
                    String.valueOf(ttlMs));
            now = held != null && held == 1;
        } catch (RuntimeException e) {
            now = false; // without Redis the shared queue cannot be read either
        }
        if (now != holding) log.info("cluster: this node {} the routing pass", now ? "now runs" : "no longer runs");
        holding = now;
        return now;
    }
}
