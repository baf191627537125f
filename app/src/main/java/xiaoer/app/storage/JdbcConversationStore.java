package xiaoer.app.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Conversations and events in a relational database (H2 embedded, PostgreSQL in a cluster). Each call commits before
 * it returns.
 *
 * <p>Every write (append, create, transition) goes through a group commit ({@link GroupCommit}): one writer thread
 * per node takes every write that is waiting and runs them in one transaction, then answers each caller after the
 * commit. Per batch of appends: the owners of the conversations (cached: a conversation never changes its visitor), one
 * query for repeated clientMsgIds, one counter update per visitor (its row lock orders the visitor's seqs across nodes;
 * visitors are taken in a fixed order so two nodes' batches do not deadlock on them), one batched insert. Reads run
 * on the caller's thread.
 */
public final class JdbcConversationStore implements ConversationStore, AutoCloseable {

    /** Most appends in one transaction. */
    static final int MAX_BATCH = 256;
    /**
     * Under load (at least {@link #GATHER_FROM} writes were waiting), the writer waits this long for more before it
     * commits; system property {@code xiaoer.store.gather-micros} overrides it (0 = off).
     */
    static final long GATHER_MICROS = 1000;
    static final int GATHER_FROM = 4;
    /** Conversation id -> (shop, visitor) entries kept by the writer. */
    private static final int OWNER_CACHE = 16_384;
    private static final String INSERT_EVENT_SQL = "insert into chat_events (shop, visitor_id, seq, conversation_id, "
            + "sender, text, at, quick_replies, agent_name, client_msg_id, internal, meta) values (?,?,?,?,?,?,?,?,?,?,?,?)";

    private static final String CONVERSATION_COLUMNS = "id, shop, visitor_id, verified, customer_name, status, "
            + "agent_id, agent_name, handoff_reason, created_at, queued_at, updated_at";
    private static final String EVENT_COLUMNS = "shop, visitor_id, seq, conversation_id, sender, text, at, "
            + "quick_replies, agent_name, client_msg_id, internal, meta";
    private static final TypeReference<List<QuickReply>> QUICK_REPLIES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> META = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final GroupCommit<Write, Object> writes;
    /**
     * Conversation id -> its visitor, for the writer and the readers (a conversation never changes owner, so an entry
     * never goes stale); bounded by dropping arbitrary entries once full.
     */
    private final ConcurrentHashMap<String, Owner> owners = new ConcurrentHashMap<>(1024);
    private volatile String nextSeqSql;
    private volatile Boolean h2;
    private volatile String primaryKeyHint;

    public JdbcConversationStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.writes = new GroupCommit<>("conversations", this::writeBatch, this::writeAlone, MAX_BATCH, 30,
                Long.getLong("xiaoer.store.gather-micros", GATHER_MICROS), GATHER_FROM);
    }

    /** Stops the writer after committing what is queued (Spring calls it on shutdown). */
    @Override
    public void close() {
        writes.close();
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
        return (Conversation) writes.submit(new Call(() -> {
            jdbc.update("insert into visitors (shop, visitor_id, last_seq) values (?, ?, 0) on conflict do nothing",
                    v.shop(), v.visitorId());
            // the visitor's row lock serializes creation across nodes: a second creator finds the first one's
            // conversation instead of opening another (the engine's cluster lock normally prevents the race)
            jdbc.queryForObject("select last_seq from visitors where shop = ? and visitor_id = ? for update",
                    Long.class, v.shop(), v.visitorId());
            Optional<Conversation> open = findOpen(v.shop(), v.visitorId());
            if (open.isPresent()) return open.get();
            jdbc.update("insert into conversations (" + CONVERSATION_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)",
                    c.id(), c.shop(), c.visitorId(), c.verified(), c.customerName(), c.status().name(), null, null,
                    null, ts(at), null, ts(at));
            remember(c.id(), new Owner(c.shop(), c.visitorId()));
            return c;
        }));
    }

    @Override
    public Appended append(String conversationId, EventDraft d, Instant at) {
        return (Appended) writes.submit(new AppendRequest(conversationId, d, at));
    }

    /** What the writer thread runs inside its batch transaction. */
    private sealed interface Write permits AppendRequest, Call {
    }

    private record AppendRequest(String conversationId, EventDraft draft, Instant at) implements Write {
    }

    /** Any other write: statements run on the writer's transaction (same connection, same commit). */
    private record Call(Supplier<Object> body) implements Write {
    }

    private record Owner(String shop, String visitorId) implements Comparable<Owner> {
        @Override
        public int compareTo(Owner o) {
            int c = shop.compareTo(o.shop);
            return c != 0 ? c : visitorId.compareTo(o.visitorId);
        }
    }

    /** One transaction for the whole batch (the writer thread), in the file before anyone is answered. */
    private List<Object> writeBatch(List<Write> batch) {
        List<Object> results = tx.execute(s -> writeInTransaction(batch));
        persist();
        return results;
    }

    /**
     * On H2, writes what is committed to the file ({@code CHECKPOINT}: the MVStore stores its changes now). H2 keeps
     * commits in memory for {@code WRITE_DELAY} ms (500 by default) and a crash loses them, so a message is acked only
     * after this; {@code WRITE_DELAY=0} would do the same for every commit but also stops H2's background writer,
     * which is what compacts the file (measured: 40,000 messages grew it to 1.3 GB instead of 67 MB). Other tables keep
     * H2's delay. PostgreSQL's commit is durable by itself.
     */
    private void persist() {
        if (isH2()) jdbc.execute("checkpoint");
    }

    private boolean isH2() {
        Boolean isH2 = h2;
        if (isH2 == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            h2 = isH2 = "H2".equalsIgnoreCase(product);
        }
        return isH2;
    }

    /** One write in its own transaction: the retry after a failed batch. */
    private Object writeAlone(Write w) {
        try {
            Object result = tx.execute(s -> writeInTransaction(List.of(w))).get(0);
            persist();
            return result;
        } catch (DuplicateKeyException raced) {
            // the same clientMsgId committed by another node between our check and insert
            if (!(w instanceof AppendRequest r) || r.draft().clientMsgId() == null) throw raced;
            return new Appended(findByClientMsgId(r.conversationId(), r.draft().clientMsgId()).orElseThrow(() -> raced),
                    true);
        }
    }

    /** The calls in order, then the appends together; results in the order of {@code batch}. */
    private List<Object> writeInTransaction(List<Write> batch) {
        Object[] out = new Object[batch.size()];
        List<AppendRequest> appends = new ArrayList<>(batch.size());
        List<Integer> appendAt = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Write w = batch.get(i);
            if (w instanceof Call call) {
                out[i] = call.body().get();
            } else {
                appends.add((AppendRequest) w);
                appendAt.add(i);
            }
        }
        if (!appends.isEmpty()) {
            List<Appended> appended = appendInTransaction(appends);
            for (int k = 0; k < appended.size(); k++) out[appendAt.get(k)] = appended.get(k);
        }
        return Arrays.asList(out);
    }

    private List<Appended> appendInTransaction(List<AppendRequest> batch) {
        int n = batch.size();
        Appended[] out = new Appended[n];
        Owner[] owner = new Owner[n];
        for (int i = 0; i < n; i++) owner[i] = owner(batch.get(i).conversationId());

        // repeated clientMsgIds: stored earlier, or twice in this batch (the later one gets the first one's event)
        Map<String, ChatEvent> stored = storedClientMsgIds(batch);
        Map<String, Integer> firstInBatch = new HashMap<>();
        int[] sameAs = new int[n];
        Arrays.fill(sameAs, -1);
        TreeMap<Owner, List<Integer>> fresh = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            AppendRequest r = batch.get(i);
            String clientMsgId = r.draft().clientMsgId();
            if (clientMsgId != null) {
                String key = r.conversationId() + '\n' + clientMsgId;
                ChatEvent earlier = stored.get(key);
                if (earlier != null) {
                    out[i] = new Appended(earlier, true);
                    continue;
                }
                Integer first = firstInBatch.putIfAbsent(key, i);
                if (first != null) {
                    sameAs[i] = first;
                    continue;
                }
            }
            fresh.computeIfAbsent(owner[i], k -> new ArrayList<>()).add(i);
        }

        // seqs: one counter update per visitor, visitors in a fixed order
        List<Object[]> rows = new ArrayList<>(n);
        for (Map.Entry<Owner, List<Integer>> e : fresh.entrySet()) {
            Owner o = e.getKey();
            List<Integer> indexes = e.getValue();
            long last = nextSeqs(o, indexes.size());
            long seq = last - indexes.size() + 1;
            for (int i : indexes) {
                AppendRequest r = batch.get(i);
                EventDraft d = r.draft();
                ChatEvent event = new ChatEvent(r.conversationId(), o.shop(), o.visitorId(), seq, d.from(), d.text(),
                        r.at(), d.quickReplies(), d.agentName(), d.clientMsgId(), d.internal(), d.meta());
                rows.add(new Object[] {o.shop(), o.visitorId(), seq, r.conversationId(), d.from().name(), d.text(),
                        ts(r.at()), d.quickReplies().isEmpty() ? null : write(d.quickReplies()), d.agentName(),
                        d.clientMsgId(), d.internal(), d.meta().isEmpty() ? null : write(d.meta())});
                out[i] = new Appended(event, false);
                seq++;
            }
        }
        if (rows.size() == 1) {
            jdbc.update(INSERT_EVENT_SQL, rows.get(0));
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_EVENT_SQL, rows);
        }
        for (int i = 0; i < n; i++) if (sameAs[i] >= 0) out[i] = new Appended(out[sameAs[i]].event(), true);
        return Arrays.asList(out);
    }

    /** The conversation's visitor (cached; a conversation never changes owner). Unknown id: an exception. */
    private Owner owner(String conversationId) {
        Owner o = knownOwner(conversationId);
        if (o == null) throw new EmptyResultDataAccessException("no conversation " + conversationId, 1);
        return o;
    }

    /** The conversation's visitor (cached), or null when there is no such conversation. */
    private Owner knownOwner(String conversationId) {
        Owner o = owners.get(conversationId);
        if (o != null) return o;
        List<Owner> found = jdbc.query("select shop, visitor_id from conversations where id = ?",
                (rs, i) -> new Owner(rs.getString(1), rs.getString(2)), conversationId);
        if (found.isEmpty()) return null;
        o = found.get(0);
        remember(conversationId, o);
        return o;
    }

    private void remember(String conversationId, Owner o) {
        if (owners.size() >= OWNER_CACHE) {
            // full: forget an arbitrary eighth (a miss costs one primary-key read)
            int drop = OWNER_CACHE / 8;
            for (var it = owners.keySet().iterator(); it.hasNext() && drop-- > 0; ) {
                it.next();
                it.remove();
            }
        }
        owners.put(conversationId, o);
    }

    /** Earlier events with the batch's clientMsgIds, keyed by conversation id + "\n" + clientMsgId. */
    private Map<String, ChatEvent> storedClientMsgIds(List<AppendRequest> batch) {
        List<Object> args = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (AppendRequest r : batch) {
            if (r.draft().clientMsgId() == null) continue;
            in.append(in.length() == 0 ? "(?,?)" : ",(?,?)");
            args.add(r.conversationId());
            args.add(r.draft().clientMsgId());
        }
        if (args.isEmpty()) return Map.of();
        int pairs = args.size() / 2;
        if (isH2()) {
            // a power of two of look-ups (the last pair repeated): a few distinct statements, each parsed once and
            // kept in H2's per-connection statement cache
            int padded = Integer.highestOneBit(pairs) == pairs ? pairs : Integer.highestOneBit(pairs) << 1;
            Object lastConversation = args.get(args.size() - 2), lastClientMsgId = args.get(args.size() - 1);
            for (int i = pairs; i < padded; i++) {
                args.add(lastConversation);
                args.add(lastClientMsgId);
            }
            pairs = padded;
        }
        Map<String, ChatEvent> found = new HashMap<>();
        for (ChatEvent e : jdbc.query(clientMsgIdSql(pairs, in), eventMapper, args.toArray())) {
            found.put(e.conversationId() + '\n' + e.clientMsgId(), e);
        }
        return found;
    }

    /**
     * The look-up of {@code pairs} (conversation id, clientMsgId) pairs. PostgreSQL: a row-value IN list on the unique
     * index. H2: one key look-up per pair (UNION ALL of equalities on the named unique index): H2 planned the IN list,
     * and even a plain equality on both columns, on the foreign key's one-column index, reading every event of each
     * conversation (7.8 % of the closed loop's CPU in the profile).
     */
    private String clientMsgIdSql(int pairs, CharSequence inList) {
        if (!isH2()) {
            return "select " + EVENT_COLUMNS + " from chat_events where (conversation_id, client_msg_id) in (" + inList
                    + ")";
        }
        StringBuilder sql = new StringBuilder(pairs * 110);
        for (int i = 0; i < pairs; i++) {
            if (i > 0) sql.append(" union all ");
            sql.append("select ").append(EVENT_COLUMNS).append(" from chat_events use index (chat_events_client_msg) ")
                    .append("where conversation_id = ? and client_msg_id = ?");
        }
        return sql.toString();
    }

    /** Adds {@code count} to the visitor's counter (row lock until commit) and returns the new value. */
    private long nextSeqs(Owner o, int count) {
        String sql = nextSeqSql;
        if (sql == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            sql = "PostgreSQL".equalsIgnoreCase(product)
                    ? "update visitors set last_seq = last_seq + ? where shop = ? and visitor_id = ? returning last_seq"
                    : "select last_seq from final table (update visitors set last_seq = last_seq + ? "
                            + "where shop = ? and visitor_id = ?)";
            nextSeqSql = sql;
        }
        return jdbc.queryForObject(sql, Long.class, count, o.shop(), o.visitorId());
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

    /**
     * Reads of one conversation's events go down the primary key (shop, visitor_id, seq) in its order: a conversation's
     * events are a run of its visitor's seqs, so a bounded read walks back from {@code beforeSeq} and stops after
     * {@code limit} rows instead of reading the whole conversation and sorting it, and no secondary index is needed
     * for it (V7 dropped (conversation_id, seq)). The visitor comes from the owner cache. On H2 the key's index is
     * named in a hint (its planner otherwise takes the foreign key's conversation_id index whenever the statistics make
     * that look cheaper, and then reads and sorts everything) and the order names every key column (H2 recognizes an
     * index order only from its first column); PostgreSQL plans the same query on its primary key by itself.
     */
    @Override
    public List<ChatEvent> history(String conversationId) {
        Owner o = knownOwner(conversationId);
        if (o == null) return List.of();
        return jdbc.query("select " + EVENT_COLUMNS + " from chat_events" + primaryKeyHint() + " where shop = ? "
                        + "and visitor_id = ? and conversation_id = ? order by shop, visitor_id, seq",
                eventMapper, o.shop(), o.visitorId(), conversationId);
    }

    @Override
    public List<ChatEvent> recentHistory(String conversationId, long beforeSeq, int limit) {
        Owner o = knownOwner(conversationId);
        if (o == null || limit <= 0) return List.of();
        List<ChatEvent> latestFirst = jdbc.query("select " + EVENT_COLUMNS + " from chat_events" + primaryKeyHint()
                        + " where shop = ? and visitor_id = ? and seq < ? and conversation_id = ? "
                        + "order by shop desc, visitor_id desc, seq desc limit ?",
                eventMapper, o.shop(), o.visitorId(), beforeSeq, conversationId, limit);
        List<ChatEvent> oldestFirst = new ArrayList<>(latestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public Optional<ChatEvent> lastFrom(String conversationId, Sender from, long beforeSeq) {
        Owner o = knownOwner(conversationId);
        if (o == null) return Optional.empty();
        return jdbc.query("select " + EVENT_COLUMNS + " from chat_events" + primaryKeyHint()
                        + " where shop = ? and visitor_id = ? and seq < ? and conversation_id = ? and sender = ? "
                        + "order by shop desc, visitor_id desc, seq desc limit 1",
                eventMapper, o.shop(), o.visitorId(), beforeSeq, conversationId, from.name()).stream().findFirst();
    }

    /**
     * H2: {@code use index ("<chat_events' primary key index>")} (H2 names it, e.g. PRIMARY_KEY_66, so it is looked up
     * once); nothing on PostgreSQL, or when H2's catalog does not say.
     */
    private String primaryKeyHint() {
        String hint = primaryKeyHint;
        if (hint == null) {
            hint = "";
            if (isH2()) {
                List<String> names = jdbc.queryForList("select index_name from information_schema.indexes "
                        + "where lower(table_name) = 'chat_events' and index_type_name = 'PRIMARY KEY'", String.class);
                if (names.size() == 1 && names.get(0).matches("[A-Za-z0-9_]+")) {
                    hint = " use index (\"" + names.get(0) + "\")";
                }
            }
            primaryKeyHint = hint;
        }
        return hint;
    }

    @Override
    public Optional<Conversation> lastClosed(String shop, String visitorId) {
        return jdbc.query("select " + CONVERSATION_COLUMNS + " from conversations where shop = ? and visitor_id = ? "
                        + "and status = 'CLOSED' order by updated_at desc limit 1", conversationMapper, shop, visitorId)
                .stream().findFirst();
    }

    @Override
    public Optional<Conversation> transition(String id, ConversationStatus from, ConversationStatus to, String agentId,
                                             String agentName, String reason, Instant at) {
        @SuppressWarnings("unchecked")
        Optional<Conversation> result = (Optional<Conversation>) writes.submit(new Call(() -> {
            int changed = jdbc.update("update conversations set status = ?, agent_id = coalesce(?, agent_id), "
                            + "agent_name = coalesce(?, agent_name), handoff_reason = coalesce(?, handoff_reason), "
                            + "queued_at = case when ? then ? else queued_at end, updated_at = ? "
                            + "where id = ? and status = ?",
                    to.name(), agentId, agentName, reason, to == ConversationStatus.QUEUED, ts(at), ts(at), id,
                    from.name());
            return changed == 1 ? find(id) : Optional.empty();
        }));
        return result;
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
