package xiaoer.app.trainer;

import xiaoer.app.testing.TestDatabase;

/** The trainer workspace's storage on PostgreSQL (skipped with a message when none is reachable, failed under CI=true). */
class TrainerStoragePostgresIntegrationTests extends TrainerStorageContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
