package io.walletdesk.ledger.internal;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.money.Money;

/** The checks every money request shares, with the same errors wherever they are made. */
final class MoneyRequests {

    /** The longest note a customer can put on a transfer or payment. */
    static final int MAX_NOTE = 140;

    private MoneyRequests() {
    }

    /** 400 {@code amount-out-of-range} naming the field and the allowed range, in rupiah. */
    static void requireAmountWithin(long amount, long min, long max) {
        if (amount < min || amount > max) {
            throw ProblemException.forField("amount-out-of-range", FailureKind.INVALID, "amount", Money.format(min),
                    Money.format(max));
        }
    }

    /** The note as stored: stripped, null when blank; 400 {@code note-too-long} past {@link #MAX_NOTE}. */
    static String note(String raw) {
        String note = raw == null || raw.isBlank() ? null : raw.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.forField("note-too-long", FailureKind.INVALID, "note", MAX_NOTE);
        }
        return note;
    }
}
