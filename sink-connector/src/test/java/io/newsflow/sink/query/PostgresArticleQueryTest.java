package io.newsflow.sink.query;

import io.newsflow.sink.TestDatabase;

class PostgresArticleQueryTest extends AbstractArticleQueryTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
