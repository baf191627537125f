package xiaoer.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.EventDraft;
import xiaoer.engine.chat.Visitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import xiaoer.app.testing.TestDatabase;

/** The conversation store on PostgreSQL (skipped with a message when none is reachable, failed under CI=true). */
class ConversationStorePostgresIntegrationTests extends ConversationStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }

    /**
     * Two nodes (two stores, two writers, one database) appending for the same visitors at once: every visitor's seqs
     * stay unique and gap-free (each writer locks a batch's counters in one statement, in the same order).
     */
    @Test
    void twoNodesAppendingForTheSameVisitorsKeepTheirSeqsGapFree() throws Exception {
        JdbcConversationStore other = new JdbcConversationStore(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), new ObjectMapper());
        int visitors = 16;
        int perNodeAndVisitor = 20;
        List<Conversation> cs = new ArrayList<>();
        for (int v = 0; v < visitors; v++) cs.add(store.create(new Visitor("default", "two-" + v, false, null), t0));
        ExecutorService pool = Executors.newFixedThreadPool(2 * visitors);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (Conversation c : cs) {
                for (JdbcConversationStore node : List.of(store, other)) {
                    String side = node == store ? "a" : "b";
                    done.add(pool.submit(() -> {
                        go.await();
                        for (int k = 0; k < perNodeAndVisitor; k++) {
                            node.append(c.id(), EventDraft.shopper("问 " + k, side + "-" + k), t0.plusMillis(k));
                        }
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
            other.close();
        }
        for (Conversation c : cs) {
            List<ChatEvent> h = store.history(c.id());
            assertEquals(2 * perNodeAndVisitor, h.size());
            for (int i = 0; i < h.size(); i++) assertEquals(i + 1, h.get(i).seq(), "gap-free seqs for " + c.visitorId());
        }
    }
}
