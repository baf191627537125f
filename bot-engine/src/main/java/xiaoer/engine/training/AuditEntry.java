package xiaoer.engine.training;

import java.time.Instant;

/**
 * One change in the trainer workspace: who, when, what.
 *
 * @param action a stable code (script.save, release.publish, ...: see {@link AuditActions})
 * @param target what was changed (a script id, a release number, a case id)
 * @param detail a sentence for people (which fields, the note, ...)
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
}
