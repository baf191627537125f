package xiaoer.app.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
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
 * query for repeated clientMsgIds, one batch for the visitors' counters (their row locks order each visitor's seqs across
 * nodes; visitors are locked in a fixed order so two nodes' batches do not deadlock on them), one batched insert. Reads run
 * on the caller's thread.
 *
 * <p>Durable before the answer: PostgreSQL's commit is. On H2, each group commit's rows (events, and conversations as
 * created or moved) are synced to the {@link EventJournal} when there is one (the embedded default), and H2 writes its
 * pages on its own delay; a {@code CHECKPOINT} (H2 writes everything committed to its file) follows the first write
 * once the last checkpoint is {@code checkpointEvery} old, after which the journal is emptied. Without a journal every
 * group commit ends with a checkpoint.
 */
public final class JdbcConversationStore implements ConversationStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcConversationStore.class);
    /** A journal this big is emptied at the next write, whatever {@code checkpointEvery} says. */
    static final long JOURNAL_MAX_BYTES = 64L << 20;

    /** Most appends in one transaction. */
    static final int MAX_BATCH = 256;
    /**
     * Under load (at least {@link #GATHER_FROM} writes were waiting), the writer waits this long for more before it
     * commits; system properties {@code xiaoer.store.gather-micros} (0 = off) and {@code xiaoer.store.gather-from}
     * override them.
     */
    static final long GATHER_MICROS = 1000;
    static final int GATHER_FROM = 4;
    /** Visitor counters kept by the writer on H2. */
    private static final int SEQ_CACHE = 65_536;
    private static final String CAS_SEQ_SQL = "update visitors set last_seq = ? where shop = ? and visitor_id = ? "
            + "and last_seq = ?";
    private static final String SET_SEQ_SQL = "update visitors set last_seq = ? where shop = ? and visitor_id = ?";
    /** Conversation id -> (shop, visitor) entries kept by the writer. */
    private static final int OWNER_CACHE = 16_384;
    private static final String INSERT_EVENT_SQL = "insert into chat_events (shop, visitor_id, seq, conversation_id, "
            + "sender, text, at, quick_replies, agent_name, client_msg_id, internal, meta) values (?,?,?,?,?,?,?,?,?,?,?,?)";

    private static final String CONVERSATION_COLUMNS = "id, shop, visitor_id, verified, customer_name, status, "
            + "agent_id, agent_name, handoff_reason, created_at, queued_at, updated_at";
    private static final String EVENT_COLUMNS = "shop, visitor_id, seq, conversation_id, sender, text, at, "
            + "quick_replies, agent_name, client_msg_id, internal, meta";
    private static final String CLIENT_MSG_ID_SQL_H2 = "select " + EVENT_COLUMNS + " from chat_events "
            + "use index (chat_events_client_msg) where conversation_id = ? and client_msg_id = ?";
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
    /** H2: the visitors' committed counters, as the writer thread set them (only that thread touches it). */
    private final HashMap<Owner, Long> seqCache = new HashMap<>(4096);
    /** H2: the counters the writer's current transaction set, for {@link #seqCache} once it committed. */
    private final HashMap<Owner, Long> pendingSeqs = new HashMap<>(512);
    private volatile Boolean h2;
    private volatile String primaryKeyHint;
    /** H2 only, may be null: where appends are made durable between checkpoints. */
    private final EventJournal journal;
    private final long checkpointEveryNanos;
    /** Writer thread: when the last checkpoint ran, and the journal entries of its current transaction. */
    private long lastCheckpoint = System.nanoTime();
    private List<EventJournal.Entry> journalEntries = new ArrayList<>();

    /** A store that makes every group commit durable by itself (PostgreSQL's commit, H2's checkpoint). */
    public JdbcConversationStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this(jdbc, tx, json, null, Duration.ZERO);
    }

    /**
     * An embedded (H2) store with an event journal: first puts back into the database whatever the journal holds
     * from before a crash.
     *
     * @param journalFile     the journal's file (created when missing); null = no journal
     * @param checkpointEvery the longest time between two checkpoints while writes come in
     */
    public JdbcConversationStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Path journalFile,
                                 Duration checkpointEvery) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.checkpointEveryNanos = checkpointEvery.toNanos();
        if (journalFile != null && !isH2()) {
            throw new IllegalArgumentException("the event journal is for the embedded H2 database only");
        }
        this.journal = journalFile == null ? null : new EventJournal(journalFile, json);
        if (journal != null) putBackJournal();
        this.writes = new GroupCommit<>("conversations", this::writeBatch, this::writeAlone, MAX_BATCH, 30,
                Long.getLong("xiaoer.store.gather-micros", GATHER_MICROS),
                Integer.getInteger("xiaoer.store.gather-from", GATHER_FROM));
    }

    /**
     * Where the event journal of an H2 file database goes: beside its file ({@code jdbc:h2:file:./data/xiaoer;...} ->
     * {@code ./data/xiaoer.events.journal}); null for any other database (in-memory H2, a server, PostgreSQL).
     */
    public static Path journalBeside(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) return null;
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        if (options >= 0) rest = rest.substring(0, options);
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        else if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")
                || rest.startsWith("split:") || rest.startsWith("nio")) return null;
        if (rest.isEmpty()) return null;
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        return Path.of(rest + ".events.journal");
    }

    /** Stops the writer after committing what is queued (Spring calls it on shutdown). */
    @Override
    public void close() {
        writes.close();
        if (journal != null) {
            try {
                checkpoint(); // the writer has stopped: the journal's rows go into the file and it ends empty
            } catch (RuntimeException e) {
                log.warn("closing the conversation store: checkpoint failed ({}); the event journal {} keeps the "
                        + "events for the next start", e.toString(), journal.file());
            }
            journal.close();
        }
    }

    /**
     * Puts the journal's rows back into the database (after a crash, the ones H2 had not written to its file yet;
     * rows already there are skipped), writes them to the file and empties the journal. A row that cannot go back is
     * kept in a file beside the journal and logged, so nothing is lost silently and the store still starts.
     */
    private void putBackJournal() {
        List<EventJournal.Entry> entries;
        try {
            entries = journal.read();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the event journal " + journal.file(), e);
        }
        if (!entries.isEmpty()) {
            log.info("event journal {}: putting back {} rows written before the last stop", journal.file(),
                    entries.size());
            List<EventJournal.Entry> refused = new ArrayList<>();
            try {
                tx.executeWithoutResult(s -> putBack(entries));
            } catch (DataAccessException batchFailed) {
                for (EventJournal.Entry entry : entries) {
                    try {
                        tx.executeWithoutResult(s -> putBack(Collections.singletonList(entry)));
                    } catch (DataAccessException e) {
                        refused.add(entry);
                        log.error("event journal: {} {} cannot be put back: {}", entry.kind(),
                                Arrays.toString(Arrays.copyOf(entry.row(), 3)), e.getMessage());
                    }
                }
            }
            if (!refused.isEmpty()) keepAside(refused);
        }
        checkpoint();
    }

    /**
     * Visitors, then conversations (each line is the whole row after a create or a move, so the last one wins; a row
     * the file already holds in a later state is left as it is), then events with the visitors' counters.
     */
    private void putBack(List<EventJournal.Entry> entries) {
        List<Object[]> visitors = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (EventJournal.Entry e : entries) {
            if (e.kind() == EventJournal.Kind.VISITOR) visitors.add(e.row());
            else if (e.kind() == EventJournal.Kind.EVENT) events.add(e.row());
        }
        if (!visitors.isEmpty()) {
            jdbc.batchUpdate("insert into visitors (shop, visitor_id, last_seq) values (?, ?, 0) on conflict do nothing",
                    visitors);
        }
        for (EventJournal.Entry e : entries) {
            if (e.kind() != EventJournal.Kind.CONVERSATION) continue;
            Object[] c = e.row();
            int updated = jdbc.update("update conversations set shop = ?, visitor_id = ?, verified = ?, "
                            + "customer_name = ?, status = ?, agent_id = ?, agent_name = ?, handoff_reason = ?, "
                            + "created_at = ?, queued_at = ?, updated_at = ? where id = ? and updated_at <= ?",
                    c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[0], c[11]);
            if (updated == 0) {
                jdbc.update("insert into conversations (" + CONVERSATION_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "on conflict do nothing", c);
            }
        }
        if (events.isEmpty()) return;
        jdbc.batchUpdate(INSERT_EVENT_SQL + " on conflict do nothing", events);
        Map<Owner, Long> lastSeqs = new TreeMap<>();
        for (Object[] row : events) lastSeqs.merge(new Owner((String) row[0], (String) row[1]), (Long) row[2], Math::max);
        List<Object[]> args = new ArrayList<>(lastSeqs.size());
        lastSeqs.forEach((o, seq) -> args.add(new Object[] {seq, o.shop(), o.visitorId()}));
        jdbc.batchUpdate("update visitors set last_seq = greatest(last_seq, ?) where shop = ? and visitor_id = ?",
                args);
    }

    private void keepAside(List<EventJournal.Entry> refused) {
        Path aside = journal.file().resolveSibling(journal.file().getFileName() + ".refused-" + System.currentTimeMillis());
        StringBuilder lines = new StringBuilder();
        for (EventJournal.Entry entry : refused) lines.append(EventJournal.line(json, entry)).append('\n');
        try {
            Files.writeString(aside, lines, StandardCharsets.UTF_8);
            log.error("event journal: {} rows could not be put back; they are kept in {}", refused.size(), aside);
        } catch (IOException e) {
            log.error("event journal: {} rows could not be put back nor kept aside ({}): {}", refused.size(),
                    e.toString(), lines);
        }
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
            Object[] row = conversationRow(c);
            jdbc.update("insert into conversations (" + CONVERSATION_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)", row);
            journalEntries.add(EventJournal.Entry.visitor(v.shop(), v.visitorId()));
            journalEntries.add(EventJournal.Entry.conversation(row));
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

    /** One transaction for the whole batch (the writer thread), durable before anyone is answered. */
    private List<Object> writeBatch(List<Write> batch) {
        List<Object> results = inTransaction(batch);
        persist();
        return results;
    }

    /**
     * On H2, makes what the writer just committed durable. H2 keeps commits in memory for {@code WRITE_DELAY} ms (500
     * by default) and a crash loses them, so a message is acked only after this. The commit's rows go to the journal
     * (one small synced write) unless a checkpoint is due, or the journal cannot be written: then a {@code CHECKPOINT}
     * (the MVStore stores its changes now: it rewrites every B-tree page touched since its last store, which is why
     * the journal is the usual way; creates and hand-offs used to checkpoint too, and a burst of hand-offs stalled
     * every ack behind them). {@code WRITE_DELAY=0} would store every commit but also stops H2's background writer,
     * which is what compacts the file (measured: 40,000 messages grew it to 1.3 GB instead of 67 MB). PostgreSQL's
     * commit is durable by itself.
     */
    private void persist() {
        if (!isH2()) return;
        if (journal != null && !checkpointDue()) {
            try {
                journal.append(journalEntries);
                return;
            } catch (IOException e) {
                log.error("event journal {}: {}; writing this commit with a checkpoint instead", journal.file(),
                        e.toString());
            }
        }
        checkpoint();
    }

    private boolean checkpointDue() {
        return System.nanoTime() - lastCheckpoint >= checkpointEveryNanos || journal.size() >= JOURNAL_MAX_BYTES;
    }

    /** H2: everything committed goes into the database file; the journal's rows are then there and it is emptied. */
    private void checkpoint() {
        jdbc.execute("checkpoint");
        lastCheckpoint = System.nanoTime();
        if (journal != null && journal.size() > 0) {
            try {
                journal.clear();
            } catch (IOException e) {
                // harmless: its rows are in the file now, and putting them back skips rows already there
                log.warn("event journal {}: could not empty it ({})", journal.file(), e.toString());
            }
        }
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
            Object result = inTransaction(List.of(w)).get(0);
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

        // seqs: the visitors' counters, all in one batch, visitors in a fixed order
        long[] lastSeqs = nextSeqs(fresh);
        List<Object[]> rows = new ArrayList<>(n);
        int v = 0;
        for (Map.Entry<Owner, List<Integer>> e : fresh.entrySet()) {
            Owner o = e.getKey();
            List<Integer> indexes = e.getValue();
            long seq = lastSeqs[v++] - indexes.size() + 1;
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
        for (Object[] row : rows) journalEntries.add(EventJournal.Entry.event(row));
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
        if (isH2()) return storedClientMsgIdsH2(batch);
        List<Object> args = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (AppendRequest r : batch) {
            if (r.draft().clientMsgId() == null) continue;
            in.append(in.length() == 0 ? "(?,?)" : ",(?,?)");
            args.add(r.conversationId());
            args.add(r.draft().clientMsgId());
        }
        if (args.isEmpty()) return Map.of();
        // PostgreSQL: a row-value IN list on the unique index
        Map<String, ChatEvent> found = new HashMap<>();
        for (ChatEvent e : jdbc.query("select " + EVENT_COLUMNS + " from chat_events where (conversation_id, "
                + "client_msg_id) in (" + in + ")", eventMapper, args.toArray())) {
            found.put(e.conversationId() + '\n' + e.clientMsgId(), e);
        }
        return found;
    }

    /**
     * H2: one key look-up per clientMsgId, all through ONE prepared statement on the writer's connection (an equality
     * on both columns of the named unique index: H2 planned an IN list, and even a plain equality without the hint, on
     * the foreign key's one-column index, reading every event of each conversation). It replaced a UNION ALL of the
     * look-ups, whose statements (one per batch size) H2 parsed again on every pooled connection whose statement cache
     * did not hold them: two thirds of the look-up's time in the profile was H2's parser and planner.
     */
    private Map<String, ChatEvent> storedClientMsgIdsH2(List<AppendRequest> batch) {
        boolean any = false;
        for (AppendRequest r : batch) any |= r.draft().clientMsgId() != null;
        if (!any) return Map.of();
        return jdbc.execute((ConnectionCallback<Map<String, ChatEvent>>) c -> {
            Map<String, ChatEvent> found = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(CLIENT_MSG_ID_SQL_H2)) {
                for (AppendRequest r : batch) {
                    if (r.draft().clientMsgId() == null) continue;
                    ps.setString(1, r.conversationId());
                    ps.setString(2, r.draft().clientMsgId());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ChatEvent e = eventMapper.mapRow(rs, 0);
                            found.put(e.conversationId() + '\n' + e.clientMsgId(), e);
                        }
                    }
                }
            }
            return found;
        });
    }

    /**
     * Adds each visitor's count to its counter and returns the new values, in the map's (fixed) order; the counters'
     * rows stay locked until the commit, so a visitor's seqs are unique and without gaps across transactions and nodes.
     *
     * <p>PostgreSQL (several nodes may write): one {@code select ... order by ... for update} locks the rows in the
     * map's order (the lock is taken after the sort, so two nodes' batches cannot deadlock on them) and reads the
     * counters, then one JDBC batch stores the new values.
     *
     * <p>H2 (the embedded file database: one process, and this writer thread is the only writer of {@code visitors}):
     * the counters are cached by the writer, so a commit needs only the batch of updates, each a compare-and-set
     * ({@code where last_seq = <cached>}); a counter that does not match (not cached, or changed behind the cache) is
     * read and updated on its own. The cache learns a value only after its transaction committed.
     */
    private long[] nextSeqs(SortedMap<Owner, List<Integer>> counts) {
        int n = counts.size();
        long[] last = new long[n];
        if (n == 0) return last;
        Owner[] owners = counts.keySet().toArray(new Owner[0]);
        int[] count = new int[n];
        int k = 0;
        for (List<Integer> indexes : counts.values()) count[k++] = indexes.size();
        if (isH2()) {
            List<Object[]> args = new ArrayList<>(n);
            List<Integer> at = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Long cached = seqCache.get(owners[i]);
                if (cached == null) {
                    last[i] = nextSeqAlone(owners[i], count[i]);
                } else {
                    last[i] = cached + count[i];
                    args.add(new Object[] {last[i], owners[i].shop(), owners[i].visitorId(), cached});
                    at.add(i);
                }
            }
            if (!args.isEmpty()) {
                int[] updated = args.size() == 1
                        ? new int[] {jdbc.update(CAS_SEQ_SQL, args.get(0))}
                        : jdbc.batchUpdate(CAS_SEQ_SQL, args);
                for (int j = 0; j < updated.length; j++) {
                    if (updated[j] != 1) {
                        int i = at.get(j); // the cache was wrong: nothing changed, take the counter as it is
                        seqCache.remove(owners[i]);
                        last[i] = nextSeqAlone(owners[i], count[i]);
                    }
                }
            }
            for (int i = 0; i < n; i++) pendingSeqs.put(owners[i], last[i]);
            return last;
        }
        StringBuilder in = new StringBuilder(n * 8);
        Object[] keys = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            in.append(i == 0 ? "(?,?)" : ",(?,?)");
            keys[2 * i] = owners[i].shop();
            keys[2 * i + 1] = owners[i].visitorId();
        }
        Map<Owner, Long> current = new HashMap<>(2 * n);
        jdbc.query("select shop, visitor_id, last_seq from visitors where (shop, visitor_id) in (" + in + ") "
                + "order by shop, visitor_id for update", (RowCallbackHandler) rs -> current.put(
                new Owner(rs.getString(1), rs.getString(2)), rs.getLong(3)), keys);
        List<Object[]> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Long c = current.get(owners[i]);
            if (c == null) throw new EmptyResultDataAccessException("no visitor " + owners[i], 1);
            last[i] = c + count[i];
            args.add(new Object[] {last[i], owners[i].shop(), owners[i].visitorId()});
        }
        if (args.size() == 1) jdbc.update(SET_SEQ_SQL, args.get(0));
        else jdbc.batchUpdate(SET_SEQ_SQL, args);
        return last;
    }

    /** H2: adds {@code count} to one visitor's counter and returns the new value (a cache miss). */
    private long nextSeqAlone(Owner o, int count) {
        Long last = jdbc.queryForObject("select last_seq from final table (update visitors set last_seq = last_seq + ? "
                + "where shop = ? and visitor_id = ?)", Long.class, count, o.shop(), o.visitorId());
        if (last == null) throw new EmptyResultDataAccessException("no visitor " + o, 1);
        return last;
    }

    /** Runs a write transaction; on H2 the counters it set enter the cache once it committed. */
    private List<Object> inTransaction(List<Write> batch) {
        pendingSeqs.clear();
        journalEntries = new ArrayList<>();
        try {
            List<Object> results = tx.execute(s -> writeInTransaction(batch));
            if (!pendingSeqs.isEmpty()) {
                if (seqCache.size() + pendingSeqs.size() > SEQ_CACHE) seqCache.clear(); // a miss costs one update
                seqCache.putAll(pendingSeqs);
            }
            return results;
        } catch (RuntimeException | Error e) {
            // rolled back (or unknown): forget what it touched, a later miss reads the counter again
            for (Owner o : pendingSeqs.keySet()) seqCache.remove(o);
            throw e;
        } finally {
            pendingSeqs.clear();
        }
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
            if (changed != 1) return Optional.<Conversation>empty();
            Optional<Conversation> moved = find(id);
            moved.ifPresent(c -> journalEntries.add(EventJournal.Entry.conversation(conversationRow(c))));
            return moved;
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

    /** A conversation's columns in {@link #CONVERSATION_COLUMNS}' order. */
    private static Object[] conversationRow(Conversation c) {
        return new Object[] {c.id(), c.shop(), c.visitorId(), c.verified(), c.customerName(), c.status().name(),
                c.agentId(), c.agentName(), c.handoffReason(), ts(c.createdAt()), ts(c.queuedAt()), ts(c.updatedAt())};
    }

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
