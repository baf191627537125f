package xiaoer.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.app.testing.TestDatabase;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.EventDraft;
import xiaoer.engine.chat.Sender;
import xiaoer.engine.chat.Visitor;
import xiaoer.kb.QuickReply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conversation store on H2 in PostgreSQL mode (the embedded default). */
class ConversationStoreH2IntegrationTests extends ConversationStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    /**
     * Acked means in the FILE, not only committed: H2 keeps commits in memory for its write delay (500 ms by default),
     * so a crash right after an ack lost the message until the store wrote each group commit out. A copy of the file
     * taken the moment append returns is what a crash would leave behind.
     */
    @Test
    void anAppendIsInTheFileWhenItReturns(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("xiaoer") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcConversationStore store = new JdbcConversationStore(new JdbcTemplate(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)), new ObjectMapper());
        try (Connection keepOpen = ds.getConnection()) { // the database stays open, as in the running app
            Instant at = Instant.parse("2026-11-24T12:00:00Z");
            Conversation c = store.create(new Visitor("default", "crash", false, null), at);
            for (int k = 0; k < 5; k++) store.append(c.id(), EventDraft.shopper("在吗 " + k, "c-" + k), at);
            Path copy = dir.resolve("copy.mv.db");
            Files.copy(dir.resolve("xiaoer.mv.db"), copy);
            try (Connection crashed = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("copy")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
                 Statement s = crashed.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from chat_events where visitor_id = 'crash'")) {
                rs.next();
                assertEquals(5, rs.getInt(1));
            }
        } finally {
            store.close();
        }
    }

    // --- the event journal (the embedded default): a crash leaves the database file and the journal as they were
    // the moment the last append returned; copies of both taken then are what a restart finds.

    /** H2 on its own delay (one minute here, so the test decides what is in the file, not H2's background writer). */
    private static JdbcDataSource fileDatabase(Path base) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "WRITE_DELAY=60000");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private static JdbcConversationStore journalled(javax.sql.DataSource ds, Path journal, Duration checkpointEvery) {
        return new JdbcConversationStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new ObjectMapper(), journal, checkpointEvery);
    }

    /** The crash: copies of the database file and the journal as they are on the disk right now. */
    private static void crash(Path dir) throws Exception {
        Files.copy(dir.resolve("xiaoer.mv.db"), dir.resolve("copy.mv.db"));
        Files.copy(dir.resolve("xiaoer.events.journal"), dir.resolve("copy.events.journal"));
    }

    /** The restart after {@link #crash}: a store on the copies, which puts the journal back. */
    private static JdbcConversationStore restart(Path dir) {
        return journalled(fileDatabase(dir.resolve("copy")), dir.resolve("copy.events.journal"), Duration.ofHours(1));
    }

    private static int events(Path base, String visitor) throws Exception {
        return count(base, "select count(*) from chat_events where visitor_id = '" + visitor + "'");
    }

    /** A count read straight from a database file (no store on it). */
    private static int count(Path base, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void appendsAckedOnlyToTheJournalAreBackAfterACrash(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = fileDatabase(dir.resolve("xiaoer"));
        JdbcConversationStore store = journalled(ds, dir.resolve("xiaoer.events.journal"), Duration.ofHours(1));
        Instant at = Instant.parse("2026-11-24T12:00:00.123456Z");
        List<ChatEvent> acked = new ArrayList<>();
        try (Connection keepOpen = ds.getConnection()) {
            Conversation c = store.create(new Visitor("default", "crash", false, null), at);
            acked.add(store.append(c.id(), EventDraft.shopper("在吗 订单 20241111000123", "c-0"), at).event());
            acked.add(store.append(c.id(), EventDraft.bot("在的，亲 \"引号\" \\ 换行\n", List.of(new QuickReply("查物流", "物流到哪了")),
                    Map.of("decision", "answer", "script", "order.track")), at.plusMillis(1)).event());
            // concurrent appends: batches of several rows in one journal write
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<ChatEvent>> more = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                int n = k;
                more.add(pool.submit(() -> store.append(c.id(), EventDraft.shopper("消息 " + n, "m-" + n), at).event()));
            }
            for (Future<ChatEvent> f : more) acked.add(f.get(30, TimeUnit.SECONDS));
            pool.shutdown();
            acked.add(store.append(c.id(), EventDraft.note("小王", "内部备注"), at).event());
            crash(dir);
        } finally {
            store.close();
        }
        // without the journal the file alone has lost them (what the journal is for)
        assertTrue(events(dir.resolve("copy"), "crash") < acked.size(), "the appends were not checkpointed");

        JdbcConversationStore after = restart(dir);
        Path journal = dir.resolve("copy.events.journal");
        try {
            List<ChatEvent> history = after.history(acked.get(0).conversationId());
            assertEquals(acked.size(), history.size());
            acked.sort((a, b) -> Long.compare(a.seq(), b.seq()));
            for (int i = 0; i < acked.size(); i++) assertEquals(acked.get(i), history.get(i), "event " + (i + 1));
            assertEquals(0, Files.size(journal), "put back, checkpointed, emptied");
            assertEquals(acked.size(), events(dir.resolve("copy"), "crash"));
            // the visitor's counter came back too: the next append follows on
            assertEquals(acked.size() + 1, after.append(acked.get(0).conversationId(),
                    EventDraft.shopper("还在吗", "c-next"), at).event().seq());
            // a repeated clientMsgId from before the crash is still recognized
            assertTrue(after.append(acked.get(0).conversationId(), EventDraft.shopper("在吗 订单 20241111000123", "c-0"),
                    at).duplicate());
        } finally {
            after.close();
        }
    }

    /** Creates and hand-offs are acked from the journal too (they used to checkpoint): a crash keeps them, moved. */
    @Test
    void conversationsCreatedAndMovedOnlyInTheJournalAreBackAfterACrash(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = fileDatabase(dir.resolve("xiaoer"));
        JdbcConversationStore store = journalled(ds, dir.resolve("xiaoer.events.journal"), Duration.ofHours(1));
        Instant at = Instant.parse("2026-11-24T20:00:00.000001Z");
        Conversation waiting;
        Conversation served;
        try (Connection keepOpen = ds.getConnection()) {
            // one that ends with an agent, one left waiting
            served = store.create(new Visitor("default", "moved", true, "小李"), at);
            store.append(served.id(), EventDraft.shopper("转人工", "h-1"), at);
            store.transition(served.id(), ConversationStatus.BOT, ConversationStatus.QUEUED, null, null, "asked",
                    at.plusSeconds(1));
            served = store.transition(served.id(), ConversationStatus.QUEUED, ConversationStatus.AGENT, "a7", "小王",
                    null, at.plusSeconds(5)).orElseThrow();
            store.append(served.id(), EventDraft.agent("小王", "您好，我是小王"), at.plusSeconds(6));
            waiting = store.create(new Visitor("default", "waiting", false, null), at);
            waiting = store.transition(waiting.id(), ConversationStatus.BOT, ConversationStatus.QUEUED, null, null,
                    "complaint", at.plusSeconds(2)).orElseThrow();
            crash(dir);
        } finally {
            store.close();
        }
        // the file alone does not have them (they were never checkpointed)
        assertEquals(0, count(dir.resolve("copy"), "select count(*) from conversations"));

        JdbcConversationStore after = restart(dir);
        try {
            assertEquals(Optional.of(served), after.find(served.id()));
            assertEquals(Optional.of(waiting), after.find(waiting.id()));
            assertEquals(ConversationStatus.AGENT, served.status());
            assertEquals("小王", served.agentName());
            assertEquals(at.plusSeconds(1), served.queuedAt());
            assertEquals(List.of(waiting), after.withStatus(ConversationStatus.QUEUED));
            assertEquals(List.of("转人工", "您好，我是小王"),
                    after.history(served.id()).stream().map(ChatEvent::text).toList());
            // the visitor's counter and the compare-and-set go on from the journal's state
            assertEquals(3, after.append(served.id(), EventDraft.shopper("好的", "h-2"), at).event().seq());
            assertTrue(after.transition(waiting.id(), ConversationStatus.BOT, ConversationStatus.QUEUED, null, null,
                    "again", at).isEmpty());
        } finally {
            after.close();
        }
    }

    @Test
    void aLineCutShortByTheCrashIsIgnoredAndTheRestComesBack(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = fileDatabase(dir.resolve("xiaoer"));
        Path journal = dir.resolve("xiaoer.events.journal");
        JdbcConversationStore store = journalled(ds, journal, Duration.ofHours(1));
        String id;
        try (Connection keepOpen = ds.getConnection()) {
            id = store.create(new Visitor("default", "torn", false, null), Instant.EPOCH).id();
            for (int k = 1; k <= 3; k++) store.append(id, EventDraft.shopper("第" + k + "条", "t-" + k), Instant.EPOCH);
            crash(dir);
        } finally {
            store.close();
        }
        // a fourth write got half-way to the disk: never synced, never acked
        Files.writeString(dir.resolve("copy.events.journal"), "[\"default\",\"torn\",4,\"" + id + "\",\"SHO",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JdbcConversationStore after = restart(dir);
        try {
            List<ChatEvent> history = after.history(id);
            assertEquals(List.of("第1条", "第2条", "第3条"), history.stream().map(ChatEvent::text).toList());
            assertEquals(Sender.SHOPPER, history.get(2).from());
            assertEquals(4, after.append(id, EventDraft.shopper("第4条", "t-4"), Instant.EPOCH).event().seq());
        } finally {
            after.close();
        }
    }

    /** A checkpoint empties the journal: with no interval every group commit is one, as without a journal. */
    @Test
    void aDueCheckpointWritesTheFileAndEmptiesTheJournal(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = fileDatabase(dir.resolve("xiaoer"));
        Path journal = dir.resolve("xiaoer.events.journal");
        JdbcConversationStore store = journalled(ds, journal, Duration.ZERO);
        try (Connection keepOpen = ds.getConnection()) {
            String id = store.create(new Visitor("default", "due", false, null), Instant.EPOCH).id();
            for (int k = 1; k <= 3; k++) store.append(id, EventDraft.shopper("第" + k + "条", "d-" + k), Instant.EPOCH);
            assertEquals(0, Files.size(journal));
            Files.copy(dir.resolve("xiaoer.mv.db"), dir.resolve("copy.mv.db"));
            assertEquals(3, events(dir.resolve("copy"), "due"));
        } finally {
            store.close();
        }
    }

    @Test
    void aSecondStoreOnTheSameJournalIsRefused(@TempDir Path dir) {
        JdbcDataSource ds = fileDatabase(dir.resolve("xiaoer"));
        Path journal = dir.resolve("xiaoer.events.journal");
        JdbcConversationStore first = journalled(ds, journal, Duration.ofHours(1));
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> journalled(ds, journal, Duration.ofHours(1)));
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        } finally {
            first.close();
        }
        journalled(ds, journal, Duration.ofHours(1)).close(); // free again once the first one closed
    }

    @Test
    void theJournalLivesBesideAnH2FileDatabaseOnly() {
        assertEquals(Path.of("./data/xiaoer.events.journal"),
                JdbcConversationStore.journalBeside("jdbc:h2:file:./data/xiaoer;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"));
        assertEquals(Path.of("/var/xiaoer/db.events.journal"), JdbcConversationStore.journalBeside("jdbc:h2:/var/xiaoer/db"));
        assertNull(JdbcConversationStore.journalBeside("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"));
        assertNull(JdbcConversationStore.journalBeside("jdbc:h2:tcp://db:9092/xiaoer"));
        assertNull(JdbcConversationStore.journalBeside("jdbc:postgresql://127.0.0.1:5432/xiaoer"));
        assertNull(JdbcConversationStore.journalBeside(""));
    }
}
