package xiaoer.engine.shop.damage;

import java.time.Duration;

/**
 * Limits on shoppers' photos.
 *
 * @param maxBytes           the largest accepted file (default 5 MB)
 * @param maxPerConversation how many photos one conversation may hold (default 10)
 * @param tokenTtl           how long an upload token stays valid (default 10 minutes)
 */
public record UploadRules(long maxBytes, int maxPerConversation, Duration tokenTtl) {

    public static UploadRules defaults() {
        return new UploadRules(5L * 1024 * 1024, 10, Duration.ofMinutes(10));
    }
}
