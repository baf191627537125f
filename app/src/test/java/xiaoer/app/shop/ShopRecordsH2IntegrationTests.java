package xiaoer.app.shop;

import xiaoer.app.testing.TestDatabase;

/** The shop's records on H2 in PostgreSQL mode (the embedded default). */
class ShopRecordsH2IntegrationTests extends ShopRecordsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
