package xiaoer.engine.training;

import java.time.Instant;

/** A release without its scripts, for lists. */
public record ReleaseSummary(int number, String note, Instant createdAt, String createdBy, String approvedBy,
                             Integer restoredFrom, int scriptCount) {
}
