package xiaoer.engine.routing;

import java.util.List;
import java.util.Optional;

/** Port: where hand-over notes are kept. */
public interface HandoverStore {

    void save(ShiftHandover handover);

    /** Replaces {@code expected} with {@code updated} only if it is unchanged: one of two acknowledgements wins. */
    boolean replace(ShiftHandover expected, ShiftHandover updated);

    Optional<ShiftHandover> find(String id);

    /** All notes, oldest first. */
    List<ShiftHandover> all();
}
