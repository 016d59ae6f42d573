package io.newsflow.sink;

import io.newsflow.store.TestDatabase;

class SqliteSinkTaskTest extends AbstractSinkTaskTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite();
    }
}
