package xiaoer.engine.training;

import java.time.Instant;

/**
 * The draft as a whole.
 *
 * @param revision         grows by one on every change to the draft
 * @param approvedRevision the revision a lead or admin approved for publishing (null: none)
 */
public record DraftState(long revision, Long approvedRevision, String approvedBy, Instant approvedAt) {

    /** True when the draft has not changed since it was approved. */
    public boolean approved() {
        return approvedRevision != null && approvedRevision == revision;
    }
}
