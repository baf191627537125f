package xiaoer.app.cluster;

import org.redisson.api.RAtomicLong;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import xiaoer.engine.routing.QueueEntry;
import xiaoer.engine.routing.WaitingQueue;

import java.util.List;
import java.util.Optional;

/**
 * The waiting queue shared by the nodes: a Redis hash of entries (conversation id → JSON) and a version counter. Adding
 * and removing are each one Lua script that changes the hash and moves the version together, so a node that sees a
 * version also sees the change (the router's ordered snapshot relies on it) and of two nodes taking the same
 * conversation out, one gets true.
 */
final class RedisWaitingQueue implements WaitingQueue {

    private static final String ADD = """
            if redis.call('hsetnx', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              redis.call('incr', KEYS[2]) return 1
            end
            return 0""";
    private static final String REMOVE = """
            if redis.call('hdel', KEYS[1], ARGV[1]) == 1 then
              redis.call('incr', KEYS[2]) return 1
            end
            return 0""";

    private final RMap<String, String> entries;
    private final RAtomicLong version;
    private final RScript script;
    private final List<Object> keys;
    private final RoutingJson<QueueEntry> json = new RoutingJson<>(QueueEntry.class);

    RedisWaitingQueue(RedissonClient redisson, String key) {
        this.entries = redisson.getMap(key, StringCodec.INSTANCE);
        this.version = redisson.getAtomicLong(key + ":version"); // INCR'd by the scripts, read with one GET
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.keys = List.of(key, key + ":version");
    }

    @Override
    public boolean add(QueueEntry entry) {
        return run(ADD, entry.conversationId(), json.write(entry));
    }

    @Override
    public boolean remove(String conversationId) {
        return run(REMOVE, conversationId);
    }

    @Override
    public Optional<QueueEntry> find(String conversationId) {
        return Optional.ofNullable(json.read(entries.get(conversationId)));
    }

    @Override
    public List<QueueEntry> all() {
        return entries.readAllValues().stream().map(json::read).toList();
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public boolean shared() {
        return true;
    }

    private boolean run(String lua, Object... args) {
        Long changed = script.eval(RScript.Mode.READ_WRITE, lua, RScript.ReturnType.INTEGER, keys, args);
        return changed != null && changed == 1;
    }
}
