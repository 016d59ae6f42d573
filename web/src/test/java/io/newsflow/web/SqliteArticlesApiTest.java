package io.newsflow.web;

import io.newsflow.store.TestDatabase;

class SqliteArticlesApiTest extends AbstractArticlesApiTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite();
    }
}
