package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads history filters: kind, status and a date range (dates in Jakarta time, <q>to</q> inclusive). */
final class HistoryFilters {

    private HistoryFilters() {
    }

    static TransactionLog.Filter parse(String kind, String status, String from, String to) {
        return new TransactionLog.Filter(
                blank(kind) ? null : parseEnum(TransactionKind.class, kind, "kind"),
                blank(status) ? null : parseEnum(TransactionStatus.class, status, "status"),
                blank(from) ? null : day(from, "from"),
                blank(to) ? null : day(to, "to").plusSeconds(86_400));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.forField("validation", FailureKind.INVALID, field);
        }
    }

    private static Instant day(String value, String field) {
        try {
            return LocalDate.parse(value.trim()).atStartOfDay(UserTime.DEFAULT_ZONE).toInstant();
        } catch (DateTimeParseException invalid) {
            throw ProblemException.forField("validation", FailureKind.INVALID, field);
        }
    }
}
