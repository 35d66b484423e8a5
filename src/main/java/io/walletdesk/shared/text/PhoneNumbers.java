package io.walletdesk.shared.text;

import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers as people write them in Indonesia (0812..., 62812..., +62 812-..., (021) ...) to E.164. */
public final class PhoneNumbers {

    // Compiled once: every transfer normalises the recipient's number.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern INDONESIAN_MOBILE = Pattern.compile("\\+628[1-9]\\d{6,10}");

    private PhoneNumbers() {
    }

    /** Any valid E.164 number; local Indonesian forms get +62. Empty when it cannot be a phone number. */
    public static Optional<String> e164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (compact.startsWith("0")) {
            compact = "+62" + compact.substring(1);
        } else if (compact.startsWith("62")) {
            compact = "+" + compact;
        } else if (compact.startsWith("8") && compact.length() >= 9 && compact.length() <= 13) {
            compact = "+62" + compact;
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** Like {@link #e164}, but Indonesian numbers must be mobile (8 then 8 to 11 more digits): wallets live on phones. */
    public static Optional<String> mobile(String raw) {
        return e164(raw).filter(number -> !number.startsWith("+62") || INDONESIAN_MOBILE.matcher(number).matches());
    }
}
