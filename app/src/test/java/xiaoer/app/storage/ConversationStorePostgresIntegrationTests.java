package xiaoer.app.storage;

import xiaoer.app.testing.TestDatabase;

/** The conversation store on PostgreSQL (skipped with a message when none is reachable, failed under CI=true). */
class ConversationStorePostgresIntegrationTests extends ConversationStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
