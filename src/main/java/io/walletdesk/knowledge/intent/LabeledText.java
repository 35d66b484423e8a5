package io.walletdesk.knowledge.intent;

import java.util.Objects;

/**
 * One training or test example: a customer message and the intent it expresses.
 *
 * @param text  the message as written by the customer (any language)
 * @param label the intent label, e.g. {@code topup_failed} or {@code out_of_scope}
 */
public record LabeledText(String text, String label) {

    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
    }
}
