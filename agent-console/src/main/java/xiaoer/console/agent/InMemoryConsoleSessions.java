package xiaoer.console.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link ConsoleSessions} of the one node of the embedded default. */
public final class InMemoryConsoleSessions implements ConsoleSessions {

    private final Clock clock;
    private final Map<String, String> agentOfSession = new HashMap<>();
    private final Map<String, Instant> goneSince = new HashMap<>();

    public InMemoryConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void opened(String agentId, String sessionId) {
        agentOfSession.put(sessionId, agentId);
        goneSince.remove(agentId);
    }

    @Override
    public synchronized void closed(String sessionId) {
        String agent = agentOfSession.remove(sessionId);
        if (agent != null && !agentOfSession.containsValue(agent)) goneSince.putIfAbsent(agent, clock.instant());
    }

    @Override
    public synchronized Set<String> goneBefore(Instant cutoff) {
        return goneSince.entrySet().stream().filter(e -> e.getValue().isBefore(cutoff)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Override
    public synchronized void forget(String agentId) {
        goneSince.remove(agentId);
    }
}
