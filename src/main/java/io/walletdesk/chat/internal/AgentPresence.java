package io.walletdesk.chat.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which agents can answer chat now. Kept in the database so every node agrees. */
@Service
class AgentPresence {

    static final Duration FRESH = Duration.ofMinutes(2);

    /** What an agent says about themselves. */
    public enum Status { ONLINE, AWAY, OFFLINE }

    private final JdbcClient jdbc;
    private final Clock clock;

    AgentPresence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void report(long agentUserId, Status status) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE agent_presence SET status = :s, last_seen_at = :now WHERE user_id = :u")
                .param("s", status.name()).param("now", now).param("u", agentUserId).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO agent_presence (user_id, status, last_seen_at) VALUES (:u, :s, :now)")
                        .param("u", agentUserId).param("s", status.name()).param("now", now).update();
            } catch (DuplicateKeyException concurrent) {
                report(agentUserId, status);
            }
        }
    }

    /**
     * The staff member is still here (a console connected or beat): keeps what they chose fresh, and never
     * chooses for them. Someone who never chose stays absent; only their choice or idling out changes it.
     */
    public void seen(long staffUserId) {
        jdbc.sql("UPDATE agent_presence SET last_seen_at = :now WHERE user_id = :u")
                .param("now", Timestamp.from(clock.instant())).param("u", staffUserId).update();
    }

    /** What the staff member chose, while fresh; OFFLINE when they never chose or idled out. */
    public Status statusOf(long staffUserId) {
        return jdbc.sql("SELECT status FROM agent_presence WHERE user_id = :u AND last_seen_at > :since")
                .param("u", staffUserId).param("since", Timestamp.from(clock.instant().minus(FRESH)))
                .query(String.class).optional().map(Status::valueOf).orElse(Status.OFFLINE);
    }

    public int agentsOnline() {
        return jdbc.sql("SELECT COUNT(*) FROM agent_presence WHERE status = :online AND last_seen_at > :since")
                .param("online", Status.ONLINE.name()).param("since", Timestamp.from(clock.instant().minus(FRESH)))
                .query(Integer.class).single();
    }
}
