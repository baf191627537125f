package xiaoer.app.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.chat.Appended;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.ConversationStore;
import xiaoer.engine.chat.EventDraft;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.Visitor;
import xiaoer.kb.QuickReply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Conversations and events in a relational database (H2 embedded, PostgreSQL in a cluster). Each call commits. */
public final class JdbcConversationStore implements ConversationStore {

    private static final String CONVERSATION_COLUMNS = "id, shop, visitor_id, verified, customer_name, status, "
            + "agent_id, agent_name, handoff_reason, created_at, queued_at, updated_at";
    private static final String EVENT_COLUMNS = "shop, visitor_id, seq, conversation_id, sender, text, at, "
            + "quick_replies, agent_name, client_msg_id, internal, meta";
    private static final TypeReference<List<QuickReply>> QUICK_REPLIES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> META = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public JdbcConversationStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public Optional<Conversation> findOpen(String shop, String visitorId) {
        return jdbc.query("select " + CONVERSATION_COLUMNS + " from conversations where shop = ? and visitor_id = ? "
                        + "and status <> 'CLOSED' order by created_at desc", conversationMapper, shop, visitorId)
                .stream().findFirst();
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        return jdbc.query("select " + CONVERSATION_COLUMNS + " from conversations where id = ?", conversationMapper,
                conversationId).stream().findFirst();
    }

    @Override
    public Conversation create(Visitor v, Instant at) {
        Conversation c = new Conversation(UUID.randomUUID().toString(), v.shop(), v.visitorId(), v.verified(), v.name(),
                ConversationStatus.BOT, null, null, null, at, null, at);
        tx.executeWithoutResult(s -> {
            jdbc.update("insert into visitors (shop, visitor_id, last_seq) values (?, ?, 0) on conflict do nothing",
                    v.shop(), v.visitorId());
            jdbc.update("insert into conversations (" + CONVERSATION_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)",
                    c.id(), c.shop(), c.visitorId(), c.verified(), c.customerName(), c.status().name(), null, null,
                    null, ts(at), null, ts(at));
        });
        return c;
    }

    @Override
    public Appended append(String conversationId, EventDraft d, Instant at) {
        try {
            return tx.execute(s -> appendInTransaction(conversationId, d, at));
        } catch (DuplicateKeyException raced) {
            // the same clientMsgId committed by a concurrent call between our check and insert
            return new Appended(findByClientMsgId(conversationId, d.clientMsgId()).orElseThrow(() -> raced), true);
        }
    }

    private Appended appendInTransaction(String conversationId, EventDraft d, Instant at) {
        if (d.clientMsgId() != null) {
            Optional<ChatEvent> earlier = findByClientMsgId(conversationId, d.clientMsgId());
            if (earlier.isPresent()) return new Appended(earlier.get(), true);
        }
        Map<String, Object> owner = jdbc.queryForMap("select shop, visitor_id from conversations where id = ?",
                conversationId);
        String shop = (String) owner.get("shop");
        String visitorId = (String) owner.get("visitor_id");
        // the row lock on the visitor's counter orders concurrent appends of one visitor
        jdbc.update("update visitors set last_seq = last_seq + 1 where shop = ? and visitor_id = ?", shop, visitorId);
        long seq = jdbc.queryForObject("select last_seq from visitors where shop = ? and visitor_id = ?", Long.class,
                shop, visitorId);
        jdbc.update("insert into chat_events (" + EVENT_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)",
                shop, visitorId, seq, conversationId, d.from().name(), d.text(), ts(at),
                d.quickReplies().isEmpty() ? null : write(d.quickReplies()), d.agentName(), d.clientMsgId(),
                d.internal(), d.meta().isEmpty() ? null : write(d.meta()));
        return new Appended(new ChatEvent(conversationId, shop, visitorId, seq, d.from(), d.text(), at,
                d.quickReplies(), d.agentName(), d.clientMsgId(), d.internal(), d.meta()), false);
    }

    private Optional<ChatEvent> findByClientMsgId(String conversationId, String clientMsgId) {
        return jdbc.query("select " + EVENT_COLUMNS + " from chat_events where conversation_id = ? and client_msg_id = ?",
                eventMapper, conversationId, clientMsgId).stream().findFirst();
    }

    @Override
    public List<ChatEvent> eventsAfter(String shop, String visitorId, long afterSeq) {
        return jdbc.query("select " + EVENT_COLUMNS + " from chat_events where shop = ? and visitor_id = ? and seq > ? "
                + "and internal = false order by seq", eventMapper, shop, visitorId, afterSeq);
    }

    @Override
    public List<ChatEvent> history(String conversationId) {
        return jdbc.query("select " + EVENT_COLUMNS + " from chat_events where conversation_id = ? order by seq",
                eventMapper, conversationId);
    }

    @Override
    public Optional<Conversation> transition(String id, ConversationStatus from, ConversationStatus to, String agentId,
                                             String agentName, String reason, Instant at) {
        int changed = jdbc.update("update conversations set status = ?, agent_id = coalesce(?, agent_id), "
                        + "agent_name = coalesce(?, agent_name), handoff_reason = coalesce(?, handoff_reason), "
                        + "queued_at = case when ? then ? else queued_at end, updated_at = ? "
                        + "where id = ? and status = ?",
                to.name(), agentId, agentName, reason, to == ConversationStatus.QUEUED, ts(at), ts(at), id, from.name());
        return changed == 1 ? find(id) : Optional.empty();
    }

    @Override
    public List<Conversation> withStatus(ConversationStatus status) {
        return jdbc.query("select " + CONVERSATION_COLUMNS + " from conversations where status = ? order by created_at",
                conversationMapper, status.name());
    }

    private final RowMapper<Conversation> conversationMapper = (rs, i) -> new Conversation(
            rs.getString("id"), rs.getString("shop"), rs.getString("visitor_id"), rs.getBoolean("verified"),
            rs.getString("customer_name"), ConversationStatus.valueOf(rs.getString("status")),
            rs.getString("agent_id"), rs.getString("agent_name"), rs.getString("handoff_reason"),
            instant(rs, "created_at"), instant(rs, "queued_at"), instant(rs, "updated_at"));

    private final RowMapper<ChatEvent> eventMapper = (rs, i) -> new ChatEvent(
            rs.getString("conversation_id"), rs.getString("shop"), rs.getString("visitor_id"), rs.getLong("seq"),
            Sender.valueOf(rs.getString("sender")), rs.getString("text"), instant(rs, "at"),
            read(rs.getString("quick_replies"), QUICK_REPLIES), rs.getString("agent_name"),
            rs.getString("client_msg_id"), rs.getBoolean("internal"), read(rs.getString("meta"), META));

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        if (value == null) return null;
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored json: " + e.getOriginalMessage(), e);
        }
    }
}
