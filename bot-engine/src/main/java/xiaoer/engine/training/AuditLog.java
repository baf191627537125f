package xiaoer.engine.training;

import java.time.Instant;
import java.util.List;

/** Storage port for the audit log. Entries are only ever added. */
public interface AuditLog {

    void record(String actor, String action, String target, String detail, Instant at);

    /** Newest first; {@code target} null: every target. */
    List<AuditEntry> recent(int limit, String target);
}
