package xiaoer.app.trainer;

import xiaoer.app.testing.TestDatabase;

/** The trainer workspace's storage on H2 in PostgreSQL mode (the embedded default). */
class TrainerStorageH2IntegrationTests extends TrainerStorageContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
