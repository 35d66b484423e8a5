package io.walletdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.shared.failure.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private String reason(String password) {
        try {
            policy.check(password, "+6281234567890", "sari.w@example.com", "Sari Wulandari", "password");
            return null;
        } catch (ProblemException rejected) {
            assertThat(rejected.field()).isEqualTo("password");
            return rejected.code();
        }
    }

    @Test
    void rejectsShortPasswords() {
        assertThat(reason("Ab1!xyz")).isEqualTo("password-too-short");
        assertThat(reason(null)).isEqualTo("password-too-short");
    }

    @Test
    void rejectsOverlongPasswords() {
        assertThat(reason("kopi-".repeat(30))).isEqualTo("password-too-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "0000000000", "qwertyuiop", "jakarta2024", "iloveyou12"})
    void rejectsPasswordsTheEstimatorScoresWeak(String weak) {
        assertThat(reason(weak)).isEqualTo("password-weak");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wulandari-kopi-hujan", "my-81234567-secret-z", "sari.w-rumah-besar-9", "SARI-naik-kereta-api"})
    void rejectsPasswordsContainingPersonalData(String personal) {
        assertThat(reason(personal)).isEqualTo("password-personal");
    }

    @Test
    void acceptsLongUnrelatedWords() {
        assertThatCode(() -> policy.check("gajah-terbang-di-atas-awan-42", "+6281234567890", null, "Budi", "password"))
                .doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotBytes() {
        // Ten Chinese characters are ten characters, even though they are 30 bytes in UTF-8.
        assertThatThrownBy(() -> policy.check("我的钱包密码很长吗", null, null, null, "password"))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("password-too-short");
    }
}
