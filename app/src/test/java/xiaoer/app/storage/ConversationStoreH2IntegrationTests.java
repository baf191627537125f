package xiaoer.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.app.testing.TestDatabase;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.EventDraft;
import xiaoer.engine.chat.Visitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
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
}
