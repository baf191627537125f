package xiaoer.app.trainer;

import static xiaoer.app.trainer.Times.instant;
import static xiaoer.app.trainer.Times.ts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.training.MissSource;
import xiaoer.kb.QuickReply;

/**
 * Reads the learning loop's conversations from {@code chat_events}: those with a bot turn whose notes (JSON in
 * {@code meta}, as the engine writes it) say it handed off or was unsure, most recent first, with all their events.
 */
public final class JdbcMissSource implements MissSource {

    private static final int CHUNK = 200;
    private static final TypeReference<List<QuickReply>> QUICK_REPLIES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> META = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcMissSource(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<ChatEvent> conversationsWithMisses(Instant since, int maxConversations) {
        List<String> ids = jdbc.queryForList("select conversation_id from chat_events where sender = 'BOT' and at >= ? "
                        + "and (meta like '%\"decision\":\"handoff\"%' or meta like '%\"decision\":\"suggest\"%') "
                        + "group by conversation_id order by max(at) desc limit ?",
                String.class, ts(since), maxConversations);
        List<ChatEvent> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            out.addAll(jdbc.query("select conversation_id, shop, visitor_id, seq, sender, text, at, quick_replies, "
                    + "agent_name, client_msg_id, internal, meta from chat_events where conversation_id in (" + marks
                    + ") order by conversation_id, seq", mapper, chunk.toArray()));
        }
        return out;
    }

    private final RowMapper<ChatEvent> mapper = (rs, i) -> new ChatEvent(rs.getString("conversation_id"),
            rs.getString("shop"), rs.getString("visitor_id"), rs.getLong("seq"), Sender.valueOf(rs.getString("sender")),
            rs.getString("text"), instant(rs, "at"), read(rs.getString("quick_replies"), QUICK_REPLIES),
            rs.getString("agent_name"), rs.getString("client_msg_id"), rs.getBoolean("internal"),
            read(rs.getString("meta"), META));

    private <T> T read(String value, TypeReference<T> type) {
        if (value == null) return null;
        try {
            return json.readValue(value, type);
        } catch (Exception e) {
            return null; // a note we cannot read is no reason to hide the rest of the conversation
        }
    }
}
