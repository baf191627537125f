package xiaoer.app.trainer;

/** The trainer workspace's storage on H2 in PostgreSQL mode (the embedded default). */
class TrainerStorageH2IntegrationTests extends TrainerStorageContract {

    @Override
    TrainerTestDatabase database() {
        return TrainerTestDatabase.h2();
    }
}
