package io.walletdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactFormatsTest {

    @ParameterizedTest
    @CsvSource({
        "081234567890, +6281234567890",
        "0812-3456-7890, +6281234567890",
        "(0812) 3456 7890, +6281234567890",
        "6281234567890, +6281234567890",
        "+62 812 3456 7890, +6281234567890",
        "0062 812 3456 7890, +6281234567890",
        "81234567890, +6281234567890",
        "+8613800138000, +8613800138000"
    })
    void normalisesIndonesianFormatsToE164(String raw, String expected) {
        assertThat(ContactFormats.normalisePhone(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0812", "021555123", "+62 21 555 1234", "hello", "0812345678901234", "+1"})
    void rejectsNumbersThatAreNotMobile(String raw) {
        assertThat(ContactFormats.normalisePhone(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Name@Example.COM, name@example.com", "' a.b@c.co ', a.b@c.co"})
    void normalisesEmail(String raw, String expected) {
        assertThat(ContactFormats.normaliseEmail(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign", "a@b", "two@@example.com", "sp ace@example.com"})
    void rejectsInvalidEmail(String raw) {
        assertThat(ContactFormats.normaliseEmail(raw)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void masksPhoneNumbers() {
        assertThat(ContactFormats.maskPhone("+6281234567890")).isEqualTo("+62 812-****-7890");
    }
}
