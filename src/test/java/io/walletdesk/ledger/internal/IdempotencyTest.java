package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.shared.failure.ProblemException;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    @Test
    void hashDependsOnEveryFieldAndItsPosition() {
        assertThat(Idempotency.hash("TRANSFER", 7L, 10_000L, null)).isEqualTo(Idempotency.hash("TRANSFER", 7L, 10_000L, null));
        assertThat(Idempotency.hash("TRANSFER", 7L, 10_000L, null)).isNotEqualTo(Idempotency.hash("TRANSFER", 7L, 10_001L, null));
        assertThat(Idempotency.hash("TRANSFER", 7L, 10_000L, null)).isNotEqualTo(Idempotency.hash("TRANSFER", 7L, 10_000L, ""));
        assertThat(Idempotency.hash("a", "bc")).isNotEqualTo(Idempotency.hash("ab", "c"));
    }

    @Test
    void keysMustBePresentAndPlain() {
        assertThat(Idempotency.requireKey("3f1c-abc_1:2.x")).isEqualTo("3f1c-abc_1:2.x");
        assertThatThrownBy(() -> Idempotency.requireKey(null)).isInstanceOf(ProblemException.class)
                .hasMessage("idempotency-key-missing");
        assertThatThrownBy(() -> Idempotency.requireKey("with space")).isInstanceOf(ProblemException.class)
                .hasMessage("idempotency-key-invalid");
        assertThatThrownBy(() -> Idempotency.requireKey("x".repeat(101))).isInstanceOf(ProblemException.class);
    }
}
