-- Checking a foreign key on every entity and figure row cost about 40% of the time to write them (twenty rows per
-- article). The sink is the only writer and deletes or replaces an article's children in the same transaction as
-- the article itself; the primary keys still refuse duplicate children.
ALTER TABLE ${prefix}article_entities DROP CONSTRAINT ${prefix}article_entities_article_id_fkey;
ALTER TABLE ${prefix}article_figures DROP CONSTRAINT ${prefix}article_figures_article_id_fkey;
