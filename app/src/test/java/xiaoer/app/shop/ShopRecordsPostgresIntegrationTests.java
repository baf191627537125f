package xiaoer.app.shop;

import xiaoer.app.testing.TestDatabase;

/** The shop's records on PostgreSQL (skipped with a message when none is reachable, failed under CI=true). */
class ShopRecordsPostgresIntegrationTests extends ShopRecordsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
