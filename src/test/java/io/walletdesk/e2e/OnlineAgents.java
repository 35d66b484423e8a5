package io.walletdesk.e2e;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.TestData;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An agent who chose Online, so the widget offers live chat rather than a left message. */
final class OnlineAgents {

    private OnlineAgents() {
    }

    static long create(Registration registration, JdbcClient jdbc, Clock clock) {
        long agentId = registration.createStaff(Role.AGENT, TestData.email(), "Sari Agen", "meja-bantuan-pagi-77", null,
                ClientInfo.system());
        jdbc.sql("INSERT INTO agent_presence (user_id, status, last_seen_at) VALUES (:u, 'ONLINE', :now)")
                .param("u", agentId).param("now", Timestamp.from(clock.instant())).update();
        return agentId;
    }
}
