package xiaoer.engine.shop.damage;

import java.util.List;
import java.util.Optional;

/** Where uploaded photos are kept (the app: a database table, so every node serves them). */
public interface AttachmentStore {

    void insert(Attachment attachment, byte[] data);

    Optional<Attachment> findAttachment(String id);

    Optional<byte[]> data(String id);

    int countForConversation(String conversationId);

    List<Attachment> forConversation(String conversationId);
}
