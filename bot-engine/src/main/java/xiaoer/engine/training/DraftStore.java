package xiaoer.engine.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import xiaoer.kb.Script;

/**
 * Storage port for the draft. Every mutating call bumps the draft's revision (which withdraws an approval).
 * Implementations throw {@link TrainingException} {@code conflict} on a stale version.
 */
public interface DraftStore {

    /** Every draft script, ordered by id. */
    List<DraftScript> all();

    Optional<DraftScript> find(String id);

    /**
     * Inserts ({@code expectedVersion} null: the id must be new) or updates ({@code expectedVersion} must be the
     * stored version) one script.
     */
    DraftScript put(Script script, Long expectedVersion, String actor, Instant at);

    /** Removes a script; false when there was none. */
    boolean remove(String id, String actor, Instant at);

    /**
     * Replaces the whole draft (import, rollback, first start). Scripts whose content is unchanged keep their
     * version and last change; changed ones get the next version; missing ones are removed.
     */
    void replaceAll(List<Script> scripts, String actor, Instant at);

    DraftState state();

    /** Records an approval of {@code revision}; conflict when the draft has moved on since. */
    void approve(long revision, String actor, Instant at);
}
