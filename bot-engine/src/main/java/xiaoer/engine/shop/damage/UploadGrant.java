package xiaoer.engine.shop.damage;

import java.time.Instant;

/** What a valid upload token binds the upload to: the visitor's conversation, until {@code expiresAt}. */
public record UploadGrant(String shop, String visitorId, String conversationId, Instant expiresAt) {
}
