package xiaoer.engine.training;

import java.time.Instant;
import java.util.List;

/**
 * A draft script in the editor's list.
 *
 * @param languages the script's own language, then those of its translations
 * @param status    new (not in the latest release), changed (differs from it) or published (same as in it)
 */
public record ScriptSummary(String id, String lang, List<String> languages, String category, List<String> tags,
                            String firstQuestion, int questionCount, long version, Instant updatedAt, String updatedBy,
                            String status) {
}
