package io.newsflow.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret a client of the story endpoint must present as {@code Authorization: Bearer <token>}.
 *
 * <p>Both sides are hashed before the comparison and compared with {@link MessageDigest#isEqual}, so the time taken
 * says nothing about how much of a guess was right, not even its length.
 */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private final byte[] digest;

    BearerToken(String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
        this.digest = sha256(token);
    }

    /** The token in the file, without surrounding whitespace (a trailing newline is not part of it). */
    public static BearerToken fromFile(Path file) {
        try {
            return new BearerToken(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token file " + file + " holds no token", e);
        }
    }

    /** Whether an {@code Authorization} header value (or {@code null} when absent) carries this token. */
    public boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(SCHEME.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
