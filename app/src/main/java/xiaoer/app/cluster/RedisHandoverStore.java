package xiaoer.app.cluster;

import org.redisson.api.RedissonClient;
import xiaoer.engine.routing.HandoverStore;
import xiaoer.engine.routing.ShiftHandover;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Shift hand-over notes shared by the nodes; an acknowledgement is a compare-and-set, so one of two wins. */
final class RedisHandoverStore implements HandoverStore {

    private final RedisStateMap<ShiftHandover> notes;

    RedisHandoverStore(RedissonClient redisson, String key) {
        this.notes = new RedisStateMap<>(redisson, key, ShiftHandover.class);
    }

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
        return notes.get(id);
    }

    @Override
    public List<ShiftHandover> all() {
        return notes.all().values().stream()
                .sorted(Comparator.comparing(ShiftHandover::writtenAt).thenComparing(ShiftHandover::id)).toList();
    }
}
