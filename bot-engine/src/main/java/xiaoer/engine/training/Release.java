package xiaoer.engine.training;

import java.time.Instant;
import java.util.List;
import xiaoer.kb.Script;

/**
 * A published version of the whole knowledge base.
 *
 * @param number       1, 2, 3... in publishing order
 * @param approvedBy   the lead or admin who approved it (null when no approval was needed)
 * @param restoredFrom for a rollback, the older release whose content this one republishes; null otherwise
 */
public record Release(int number, String note, Instant createdAt, String createdBy, String approvedBy,
                      Integer restoredFrom, List<Script> scripts) {

    public Release {
        scripts = List.copyOf(scripts);
    }

    public ReleaseSummary summary() {
        return new ReleaseSummary(number, note, createdAt, createdBy, approvedBy, restoredFrom, scripts.size());
    }
}
