package xiaoer.engine.training;

import java.time.Instant;

/**
 * A sentence and the script the bot must answer it with.
 *
 * @param expectedScriptId null: the bot must hand the shopper to a person
 * @param lang             zh, en or null (detected)
 */
public record RegressionCase(long id, String text, String lang, String expectedScriptId, Instant createdAt,
                             String createdBy) {
}
