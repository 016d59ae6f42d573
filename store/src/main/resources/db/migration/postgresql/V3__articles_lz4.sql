-- Compressing the two large values of an article row (the body and the whole article as JSON in `record`, ~5 KB
-- together) with the default pglz was 8% of the server's time to store an article in a profile of the sink's
-- COPY, the largest cost after the full-text index and the B-tree inserts; lz4 does the same work several times
-- faster. Rows already stored keep their compression. A server without lz4 (built without it, or older than 14)
-- keeps pglz rather than refusing the migration.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE ${prefix}articles ALTER COLUMN body SET COMPRESSION lz4,'
        || ' ALTER COLUMN record SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error THEN
    RAISE NOTICE 'lz4 compression is not available; articles keep pglz: %', SQLERRM;
END
$$;
