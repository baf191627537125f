package xiaoer.engine.training;

import java.time.Instant;
import xiaoer.kb.Script;

/**
 * A script as it stands in the draft.
 *
 * @param version grows by one on every save of this script: a save names the version it started from, so two
 *                trainers editing the same script don't silently overwrite each other
 */
public record DraftScript(Script script, long version, Instant updatedAt, String updatedBy) {

    public String id() {
        return script.id();
    }
}
