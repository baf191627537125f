package xiaoer.engine.training;

import java.time.Duration;

/**
 * @param requireApproval a lead or admin must approve the draft before it is published
 * @param missWindow      how far back the learning loop looks
 * @param maxMissConversations at most this many conversations are read for the learning loop
 * @param maxImportChars  the largest import accepted
 */
public record TrainingSettings(boolean requireApproval, Duration missWindow, int maxMissConversations,
                               int maxImportChars) {

    public static TrainingSettings defaults() {
        return new TrainingSettings(false, Duration.ofDays(30), 2000, 5_000_000);
    }

    public TrainingSettings withRequireApproval(boolean required) {
        return new TrainingSettings(required, missWindow, maxMissConversations, maxImportChars);
    }
}
