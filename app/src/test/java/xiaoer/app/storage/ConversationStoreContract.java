package xiaoer.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.app.testing.TestDatabase;
import xiaoer.engine.chat.Appended;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.EventDraft;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.Visitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC conversation store under concurrent writers: group commit must keep every visitor's seqs gap-free and in
 * the order each caller saw them, store a repeated clientMsgId once (also twice in one batch), answer only after the
 * commit, let one bad write fail alone, and keep compare-and-set transitions exclusive. Run on H2 and PostgreSQL.
 */
abstract class ConversationStoreContract {

    abstract TestDatabase database();

    TestDatabase db;
    JdbcConversationStore store;
    JdbcTemplate jdbc;
    final Instant t0 = Instant.parse("2026-11-24T12:00:00Z");

    @BeforeEach
    void open() {
        db = database();
        jdbc = new JdbcTemplate(db.dataSource());
        store = newStore();
    }

    /** The store under test (each variant may build it differently). */
    JdbcConversationStore newStore() {
        return new JdbcConversationStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())),
                new ObjectMapper());
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
        if (db != null) db.close();
    }

    private Conversation conversation(String visitor) {
        return store.create(new Visitor("default", visitor, false, null), t0);
    }

    @Test
    void concurrentAppendsKeepEveryVisitorsSeqsGapFreeAndInCallerOrder() throws Exception {
        int visitors = 12;
        int perVisitor = 40;
        List<Conversation> cs = new ArrayList<>();
        for (int v = 0; v < visitors; v++) cs.add(conversation("gc-" + v));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (Conversation c : cs) {
            // two threads per visitor: one sends shopper messages, one the bot's notes, like a lane and an agent
            for (int side = 0; side < 2; side++) {
                int s = side;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < perVisitor / 2; k++) {
                        EventDraft d = s == 0 ? EventDraft.shopper("问题 " + k, "m-" + k)
                                : EventDraft.bot("回答 " + k, List.of(), Map.of("decision", "answer"));
                        Appended a = store.append(c.id(), d, t0.plusMillis(k));
                        assertFalse(a.duplicate());
                        seen.computeIfAbsent(c.id() + s, x -> Collections.synchronizedList(new ArrayList<>()))
                                .add(a.event().seq());
                    }
                    return null;
                }));
            }
        }
        go.countDown();
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        for (Conversation c : cs) {
            List<ChatEvent> h = store.history(c.id());
            assertEquals(perVisitor, h.size());
            for (int i = 0; i < h.size(); i++) assertEquals(i + 1, h.get(i).seq(), "gap-free seqs for " + c.visitorId());
            for (int s = 0; s < 2; s++) {
                List<Long> mine = seen.get(c.id() + s);
                for (int i = 1; i < mine.size(); i++) assertTrue(mine.get(i) > mine.get(i - 1), "caller order kept");
            }
        }
    }

    /**
     * A second store (another node, or anything else that moves a visitor's counter) between two appends of the first:
     * the first store must not reuse a seq it remembers (on H2 its writer caches the counters).
     */
    @Test
    void aCounterMovedByAnotherStoreIsNotReused() {
        Conversation c = conversation("moved");
        JdbcConversationStore other = new JdbcConversationStore(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), new ObjectMapper());
        try {
            assertEquals(1, store.append(c.id(), EventDraft.shopper("一", "a-1"), t0).event().seq());
            assertEquals(2, store.append(c.id(), EventDraft.shopper("二", "a-2"), t0).event().seq());
            assertEquals(3, other.append(c.id(), EventDraft.shopper("三", "b-1"), t0).event().seq());
            assertEquals(4, other.append(c.id(), EventDraft.shopper("四", "b-2"), t0).event().seq());
            assertEquals(5, store.append(c.id(), EventDraft.shopper("五", "a-3"), t0).event().seq());
            assertEquals(6, store.append(c.id(), EventDraft.shopper("六", "a-4"), t0).event().seq());
        } finally {
            other.close();
        }
        List<ChatEvent> h = store.history(c.id());
        assertEquals(6, h.size());
        for (int i = 0; i < h.size(); i++) assertEquals(i + 1, h.get(i).seq());
    }

    @Test
    void aRepeatedClientMsgIdIsStoredOnceAlsoWhenBothArriveTogether() throws Exception {
        Conversation c = conversation("dup");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Appended>> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            all.add(pool.submit(() -> {
                go.await();
                return store.append(c.id(), EventDraft.shopper("你好", "same-id"), t0);
            }));
        }
        go.countDown();
        long seq = -1;
        int fresh = 0;
        for (Future<Appended> f : all) {
            Appended a = f.get(30, TimeUnit.SECONDS);
            if (!a.duplicate()) fresh++;
            if (seq < 0) seq = a.event().seq();
            assertEquals(seq, a.event().seq(), "every answer carries the one stored seq");
        }
        pool.shutdown();
        assertEquals(1, fresh);
        assertEquals(1, store.history(c.id()).size());
        Appended again = store.append(c.id(), EventDraft.shopper("你好", "same-id"), t0);
        assertTrue(again.duplicate());
        assertEquals(seq, again.event().seq());
    }

    @Test
    void anAppendIsCommittedWhenItReturns() {
        Conversation c = conversation("durable");
        Appended a = store.append(c.id(), EventDraft.shopper("在吗", "d-1"), t0);
        // another connection, outside the writer's transaction, sees it at once
        Integer n = jdbc.queryForObject("select count(*) from chat_events where conversation_id = ? and seq = ?",
                Integer.class, c.id(), a.event().seq());
        assertEquals(1, n);
    }

    @Test
    void aBadWriteFailsAloneAndTheOthersOfItsBatchCommit() throws Exception {
        Conversation c = conversation("good");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int k = i;
            all.add(pool.submit(() -> {
                go.await();
                if (k % 5 == 0) {
                    try {
                        store.append("no-such-conversation", EventDraft.shopper("x", "bad-" + k), t0);
                    } catch (RuntimeException expected) {
                        failed.incrementAndGet();
                    }
                } else {
                    store.append(c.id(), EventDraft.shopper("好的 " + k, "ok-" + k), t0);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : all) f.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(4, failed.get());
        assertEquals(16, store.history(c.id()).size());
        assertThrows(RuntimeException.class,
                () -> store.append("no-such-conversation", EventDraft.shopper("x", "bad"), t0));
    }

    @Test
    void exactlyOneOfConcurrentTransitionsWins() throws Exception {
        Conversation c = conversation("cas");
        store.transition(c.id(), ConversationStatus.BOT, ConversationStatus.QUEUED, null, null, "keyword", t0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Conversation>>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String agent = "agent" + i;
            all.add(pool.submit(() -> {
                go.await();
                return store.transition(c.id(), ConversationStatus.QUEUED, ConversationStatus.AGENT, agent, agent,
                        null, t0.plusSeconds(1));
            }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Optional<Conversation>> f : all) if (f.get(30, TimeUnit.SECONDS).isPresent()) wins++;
        pool.shutdown();
        assertEquals(1, wins);
        assertEquals(ConversationStatus.AGENT, store.find(c.id()).orElseThrow().status());
    }

    @Test
    void recentHistoryIsTheLastEventsBeforeASeqOldestFirst() {
        Conversation c = conversation("recent");
        for (int k = 0; k < 30; k++) store.append(c.id(), EventDraft.shopper("第" + k + "条", "r-" + k), t0);
        List<ChatEvent> recent = store.recentHistory(c.id(), 21, 5);
        assertEquals(List.of(16L, 17L, 18L, 19L, 20L), recent.stream().map(ChatEvent::seq).toList());
        assertEquals(30, store.recentHistory(c.id(), Long.MAX_VALUE, 100).size());
        assertTrue(store.recentHistory(c.id(), 1, 10).isEmpty());
    }

    @Test
    void lastFromIsTheLatestEventOfThatSenderBeforeASeq() {
        Conversation c = conversation("last-from");
        for (int k = 0; k < 40; k++) {
            store.append(c.id(), k % 10 == 3
                    ? new EventDraft(Sender.SYSTEM, "系统" + k, List.of(), null, null, false, Map.of("stage", "s" + k))
                    : EventDraft.shopper("第" + k + "条", "lf-" + k), t0);
        }
        // seqs 1..40; system events at seqs 4, 14, 24, 34
        assertEquals("s33", store.lastFrom(c.id(), Sender.SYSTEM, Long.MAX_VALUE).orElseThrow().meta().get("stage"));
        assertEquals(24L, store.lastFrom(c.id(), Sender.SYSTEM, 34).orElseThrow().seq());
        assertEquals(33L, store.lastFrom(c.id(), Sender.SHOPPER, 34).orElseThrow().seq());
        assertTrue(store.lastFrom(c.id(), Sender.SYSTEM, 4).isEmpty());
        assertTrue(store.lastFrom(c.id(), Sender.AGENT, Long.MAX_VALUE).isEmpty());
        // the history reads the same index in order
        assertEquals(40, store.history(c.id()).size());
        assertEquals(1L, store.history(c.id()).get(0).seq());
    }

    @Test
    void lastClosedIsTheVisitorsMostRecentlyClosedConversation() {
        Visitor v = new Visitor("default", "closer", false, null);
        assertTrue(store.lastClosed("default", "closer").isEmpty());
        Conversation first = store.create(v, t0);
        store.transition(first.id(), ConversationStatus.BOT, ConversationStatus.CLOSED, null, null, null, t0.plusSeconds(1));
        Conversation second = store.create(v, t0.plusSeconds(2));
        assertEquals(first.id(), store.lastClosed("default", "closer").orElseThrow().id());
        store.transition(second.id(), ConversationStatus.BOT, ConversationStatus.CLOSED, null, null, null, t0.plusSeconds(3));
        assertEquals(second.id(), store.lastClosed("default", "closer").orElseThrow().id());
        assertTrue(store.lastClosed("default", "nobody").isEmpty());
    }

    @Test
    void creatingTwiceForOneVisitorGivesTheOpenConversation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Conversation>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(pool.submit(() -> {
                go.await();
                return store.create(new Visitor("default", "twice", false, null), t0);
            }));
        }
        go.countDown();
        String id = null;
        for (Future<Conversation> f : all) {
            String got = f.get(30, TimeUnit.SECONDS).id();
            if (id == null) id = got;
            assertEquals(id, got);
        }
        pool.shutdown();
        assertEquals(1, jdbc.queryForObject("select count(*) from conversations where visitor_id = 'twice'", Integer.class));
    }
}
