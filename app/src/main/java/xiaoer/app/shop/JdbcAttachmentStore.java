package xiaoer.app.shop;

import org.springframework.jdbc.core.JdbcTemplate;
import xiaoer.engine.shop.damage.Attachment;
import xiaoer.engine.shop.damage.AttachmentStore;

import java.util.List;
import java.util.Optional;

import static xiaoer.app.shop.JdbcTimes.instant;
import static xiaoer.app.shop.JdbcTimes.ts;

/** Shoppers' photos in SQL ({@code bytea}), so every node of a cluster can serve them. */
public final class JdbcAttachmentStore implements AttachmentStore {

    private static final String COLUMNS = "id, shop, visitor_id, conversation_id, media_type, size_bytes, created_at";
    private final JdbcTemplate jdbc;

    public JdbcAttachmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Attachment a, byte[] data) {
        jdbc.update("insert into shop_attachments (" + COLUMNS + ", data) values (?,?,?,?,?,?,?,?)", a.id(), a.shop(),
                a.visitorId(), a.conversationId(), a.mediaType(), a.size(), ts(a.createdAt()), data);
    }

    @Override
    public Optional<Attachment> findAttachment(String id) {
        return select("where id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<byte[]> data(String id) {
        return jdbc.query("select data from shop_attachments where id = ?", (rs, n) -> rs.getBytes("data"), id)
                .stream().findFirst();
    }

    @Override
    public int countForConversation(String conversationId) {
        Integer n = jdbc.queryForObject("select count(*) from shop_attachments where conversation_id = ?",
                Integer.class, conversationId);
        return n == null ? 0 : n;
    }

    @Override
    public List<Attachment> forConversation(String conversationId) {
        return select("where conversation_id = ? order by created_at, id", conversationId);
    }

    private List<Attachment> select(String where, Object... args) {
        return jdbc.query("select " + COLUMNS + " from shop_attachments " + where, (rs, n) -> new Attachment(
                rs.getString("id"), rs.getString("shop"), rs.getString("visitor_id"), rs.getString("conversation_id"),
                rs.getString("media_type"), rs.getLong("size_bytes"), instant(rs, "created_at")), args);
    }
}
