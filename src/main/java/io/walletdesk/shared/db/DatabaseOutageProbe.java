package io.walletdesk.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * While an outage is known, asks the pool for a connection every few seconds, so that the notice on the pages
 * goes away soon after the database is back, not only when some page happens to read from it.
 */
@Component
class DatabaseOutageProbe {

    private final DatabaseOutage outage;
    private final DataSource dataSource;

    DatabaseOutageProbe(DatabaseOutage outage, DataSource dataSource) {
        this.outage = outage;
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void probe() {
        if (!outage.isAway()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                outage.noteSuccess();
            }
        } catch (SQLException stillAway) {
            outage.noteFailure(stillAway);
        }
    }
}
