package io.newsflow.sink;

class PostgresSinkTaskTest extends AbstractSinkTaskTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
