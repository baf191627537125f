package xiaoer.engine.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Hand-over notes for tests and the embedded default. */
public final class InMemoryHandoverStore implements HandoverStore {

    private final ConcurrentMap<String, ShiftHandover> notes = new ConcurrentHashMap<>();

    @Override
    public void save(ShiftHandover handover) {
        notes.put(handover.id(), handover);
    }

    @Override
    public boolean replace(ShiftHandover expected, ShiftHandover updated) {
        return notes.replace(expected.id(), expected, updated);
    }

    @Override
    public Optional<ShiftHandover> find(String id) {
        return Optional.ofNullable(notes.get(id));
    }

    @Override
    public List<ShiftHandover> all() {
        return notes.values().stream()
                .sorted(Comparator.comparing(ShiftHandover::writtenAt).thenComparing(ShiftHandover::id)).toList();
    }
}
