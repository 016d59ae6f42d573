package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokenTest {

    @Test
    void admitsOnlyTheExactTokenFromTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "k7Q-newsroom\n");
        BearerToken token = BearerToken.fromFile(file);

        assertThat(token.admits("Bearer k7Q-newsroom")).isTrue();
        assertThat(token.admits("bearer k7Q-newsroom")).as("the scheme is case-insensitive").isTrue();
        assertThat(token.admits("Bearer k7Q-newsroo")).isFalse();
        assertThat(token.admits("Bearer k7Q-newsroom2")).isFalse();
        assertThat(token.admits("Basic k7Q-newsroom")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }

    @Test
    void refusesAnEmptyTokenFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "\n");
        assertThatThrownBy(() -> BearerToken.fromFile(file)).hasMessageContaining("holds no token");
    }
}
