package xiaoer.app.trainer;

/** The trainer workspace's storage on PostgreSQL (skipped with a message when none is reachable, failed under CI=true). */
class TrainerStoragePostgresIntegrationTests extends TrainerStorageContract {

    @Override
    TrainerTestDatabase database() {
        return TrainerTestDatabase.postgres();
    }
}
