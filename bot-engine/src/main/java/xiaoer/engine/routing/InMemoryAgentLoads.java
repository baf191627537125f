package xiaoer.engine.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Loads for tests and the embedded default: {@code compute} runs the check and the change under the key's lock. */
public final class InMemoryAgentLoads implements AgentLoads {

    private final ConcurrentMap<String, Integer> loads = new ConcurrentHashMap<>();

    @Override
    public boolean tryReserve(String agentId, int capacity) {
        boolean[] reserved = {false};
        loads.compute(agentId, (id, load) -> {
            int now = load == null ? 0 : load;
            if (now >= capacity) return now;
            reserved[0] = true;
            return now + 1;
        });
        return reserved[0];
    }

    @Override
    public void release(String agentId) {
        loads.computeIfPresent(agentId, (id, load) -> Math.max(0, load - 1));
    }

    @Override
    public int load(String agentId) {
        return loads.getOrDefault(agentId, 0);
    }
}
