package io.newsflow.sink.query;

import io.newsflow.sink.TestDatabase;

class SqliteArticleQueryTest extends AbstractArticleQueryTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite();
    }
}
