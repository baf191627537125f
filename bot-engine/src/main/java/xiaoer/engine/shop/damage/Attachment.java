package xiaoer.engine.shop.damage;

import java.time.Instant;

/** A photo a shopper uploaded into their conversation; the bytes are kept by the {@link AttachmentStore}. */
public record Attachment(String id, String shop, String visitorId, String conversationId, String mediaType,
                         long size, Instant createdAt) {
}
