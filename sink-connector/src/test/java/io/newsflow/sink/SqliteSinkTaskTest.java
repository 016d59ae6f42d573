package io.newsflow.sink;

class SqliteSinkTaskTest extends AbstractSinkTaskTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite();
    }
}
