package io.walletdesk.identity.internal;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.Locale;
import java.util.Optional;

/** Normalises the ways people write phone numbers and e-mail addresses. */
final class ContactFormats {

    private ContactFormats() {
    }

    /**
     * Indonesian numbers in any common form (0812..., 62812..., +62 812-..., (0812) ...) become E.164
     * (+62812...); other numbers must already carry their country code.
     */
    public static Optional<String> normalisePhone(String raw) {
        return io.walletdesk.shared.text.PhoneNumbers.mobile(raw);
    }

    public static String requirePhone(String raw, String field) {
        return normalisePhone(raw).orElseThrow(
                () -> ProblemException.forField("invalid-phone", FailureKind.INVALID, field));
    }

    public static Optional<String> normaliseEmail(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        return email.length() <= 254 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}") ? Optional.of(email)
                : Optional.empty();
    }

    public static String requireEmail(String raw, String field) {
        return normaliseEmail(raw).orElseThrow(
                () -> ProblemException.forField("invalid-email", FailureKind.INVALID, field));
    }

    /** "+6281234567890" shows as "+62 812-****-7890". */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 8) {
            return phone;
        }
        return phone.substring(0, 3) + " " + phone.substring(3, 6) + "-****-" + phone.substring(phone.length() - 4);
    }
}
