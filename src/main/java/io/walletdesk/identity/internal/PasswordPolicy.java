package io.walletdesk.identity.internal;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * At least 10 characters, not weak by the zxcvbn estimator (score 3 of 4 or better), and free of the
 * user's own phone number, e-mail or name. Failures carry a stable code that pages and the API translate.
 */
@Component
class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Throws a {@link ProblemException} on field {@code field} naming why the password is refused. */
    public void check(String password, String phone, String email, String name, String field) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ProblemException.forField("password-too-short", FailureKind.INVALID, field, MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.forField("password-too-long", FailureKind.INVALID, field, MAX_LENGTH);
        }
        List<String> personal = personalFragments(phone, email, name);
        String lower = password.toLowerCase(Locale.ROOT);
        for (String fragment : personal) {
            if (lower.contains(fragment)) {
                throw ProblemException.forField("password-personal", FailureKind.INVALID, field);
            }
        }
        Strength strength = zxcvbn.measure(password, personal);
        if (strength.getScore() < MIN_SCORE) {
            throw ProblemException.forField("password-weak", FailureKind.INVALID, field);
        }
    }

    /** Pieces of personal data that must not appear in a password (lower case). */
    static List<String> personalFragments(String phone, String email, String name) {
        List<String> fragments = new ArrayList<>();
        if (phone != null) {
            String digits = phone.replaceAll("\\D", "");
            if (digits.startsWith("62")) {
                digits = digits.substring(2);
            }
            // Any six consecutive digits of the number: people often use a run of their phone number.
            for (int i = 0; i + 6 <= digits.length(); i++) {
                fragments.add(digits.substring(i, i + 6));
            }
        }
        if (email != null && email.contains("@")) {
            String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (local.length() >= 3) {
                fragments.add(local);
            }
        }
        if (name != null) {
            for (String part : name.toLowerCase(Locale.ROOT).split("[\\s.,'-]+")) {
                if (part.length() >= 3) {
                    fragments.add(part);
                }
            }
        }
        return fragments;
    }
}
