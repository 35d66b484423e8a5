package io.walletdesk.shared.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells "the database cannot be reached" apart from "the database refused this statement", and remembers a
 * recent outage. Only the first may be answered with a fallback (a journal, a local copy): a refused statement
 * fails the same way every time, so treating it as an outage hides a bug and loses data.
 */
@Component
public class DatabaseOutage {

    /** Operator intervention, shutdown, "cannot connect now", too many connections. */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private volatile long lastFailureNanos;
    private volatile boolean away;

    /** True when {@code failure} (or a cause) says the database could not be reached or the connection broke. */
    public static boolean isUnreachable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            // A rollback that failed on the broken connection hides the failure that broke it.
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && tx.getApplicationException() != failure && isUnreachable(tx.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNREACHABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Records {@code failure} if it is an outage; returns whether it was. */
    public boolean noteFailure(Throwable failure) {
        if (!isUnreachable(failure)) {
            return false;
        }
        lastFailureNanos = System.nanoTime();
        away = true;
        return true;
    }

    /** A statement succeeded: the database is back. */
    public void noteSuccess() {
        if (away) {
            away = false;
        }
    }

    /** Whether the last statement failed for want of a database, less than {@code window} ago. */
    public boolean seenWithin(Duration window) {
        return away && System.nanoTime() - lastFailureNanos < window.toNanos();
    }

    /** For page layouts: whether customers should be told that some things are unavailable right now. */
    public boolean isAway() {
        return seenWithin(Duration.ofMinutes(2));
    }
}
