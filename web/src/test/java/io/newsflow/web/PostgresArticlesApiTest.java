package io.newsflow.web;

import io.newsflow.store.TestDatabase;

class PostgresArticlesApiTest extends AbstractArticlesApiTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
