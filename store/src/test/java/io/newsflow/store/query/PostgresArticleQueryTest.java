package io.newsflow.store.query;

import io.newsflow.store.TestDatabase;

class PostgresArticleQueryTest extends AbstractArticleQueryTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
