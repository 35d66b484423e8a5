package io.walletdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.shared.failure.ProblemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Bounded hashing: when every turn is taken for longer than the wait, 503 server-busy with Retry-After. */
class PasswordHashingTest {

    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch hashing = new CountDownLatch(1);

    /** An encoder that blocks until released, standing in for a slow Argon2. */
    final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            hashing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encode(raw).equals(encoded);
        }
    };

    static IdentityProperties properties(int concurrency, Duration wait) {
        return new IdentityProperties(Duration.ofMinutes(15), Duration.ofDays(30), 5, Duration.ofMinutes(15), 30,
                Duration.ofMinutes(5), Duration.ofMinutes(15), concurrency, wait, 5, Duration.ofHours(1), 10, 3,
                Duration.ofMinutes(15), Duration.ofMillis(300));
    }

    @Test
    void aCallerThatGetsNoTurnInTimeIsToldToComeBack() throws Exception {
        PasswordHashing hashing = new PasswordHashing(slow, properties(1, Duration.ofMillis(200)));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hashing.encode("satu"));
        assertThat(this.hashing.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> hashing.matches("dua", "hash:dua"))
                .isInstanceOfSatisfying(ProblemException.class, busy -> {
                    assertThat(busy.code()).isEqualTo("server-busy");
                    assertThat(busy.kind()).isEqualTo(io.walletdesk.shared.failure.FailureKind.UNAVAILABLE);
                    assertThat(busy.properties()).containsEntry("retryAfterSeconds", PasswordHashing.RETRY_AFTER_SECONDS);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hash:satu");
        assertThat(hashing.matches("dua", "hash:dua")).as("a turn is free again").isTrue();
        assertThat(hashing.matches(null, "hash:dua")).isFalse();
    }

    @Test
    void anUnpairedSurrogateIsAWrongPasswordOrABadRequestNeverAnArgon2Crash() {
        PasswordHashing hashing = new PasswordHashing(
                org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                properties(2, Duration.ofSeconds(2)));
        String hash = hashing.encode("kopi-susu-gula-aren-7");
        assertThat(hashing.matches("\uD800", hash)).isFalse();
        assertThat(hashing.matches("kopi\uDC00", hash)).isFalse();
        assertThat(hashing.matches("kopi-susu-gula-aren-7", hash)).isTrue();
        assertThat(PasswordHashing.wellFormed("\uD83D\uDE00 emoji")).isTrue();
        assertThatThrownBy(() -> hashing.encode("gajah\uD800terbang"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.field()).isEqualTo("password"));
    }
}
