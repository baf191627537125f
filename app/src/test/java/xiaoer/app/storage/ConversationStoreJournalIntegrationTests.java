package xiaoer.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.app.testing.TestDatabase;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The conversation store's contract with the event journal on (the embedded default): appends are made durable in the
 * journal between checkpoints, and nothing the callers see may change because of it.
 */
class ConversationStoreJournalIntegrationTests extends ConversationStoreContract {

    @TempDir
    Path dir;

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    @Override
    JdbcConversationStore newStore() {
        return new JdbcConversationStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())),
                new ObjectMapper(), dir.resolve("xiaoer.events.journal"), Duration.ofHours(1));
    }
}
