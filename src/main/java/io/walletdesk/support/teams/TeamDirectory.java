package io.walletdesk.support.teams;

import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.Role;
import io.walletdesk.support.Teams;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Teams} from {@code support_teams} and {@code support_team_members}; roles come from identity. */
@Service
class TeamDirectory implements Teams {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    TeamDirectory(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public List<Team> all() {
        return jdbc.sql("SELECT id, name, calendar_id FROM support_teams ORDER BY name")
                .query((rs, n) -> new Team(rs.getLong("id"), rs.getString("name"), rs.getLong("calendar_id"))).list();
    }

    @Override
    public Set<Long> teamsOf(long userId) {
        return Set.copyOf(jdbc.sql("SELECT team_id FROM support_team_members WHERE user_id = :u").param("u", userId)
                .query(Long.class).list());
    }

    @Override
    public List<Long> members(long teamId) {
        return jdbc.sql("SELECT user_id FROM support_team_members WHERE team_id = :t ORDER BY user_id")
                .param("t", teamId).query(Long.class).list();
    }

    @Override
    @Transactional
    public void addMember(long teamId, long userId) {
        try {
            jdbc.sql("INSERT INTO support_team_members (team_id, user_id) VALUES (:t, :u)")
                    .param("t", teamId).param("u", userId).update();
        } catch (DuplicateKeyException alreadyMember) {
            // Adding twice is the same as adding once.
        }
    }

    @Override
    @Transactional
    public void removeMember(long teamId, long userId) {
        jdbc.sql("DELETE FROM support_team_members WHERE team_id = :t AND user_id = :u")
                .param("t", teamId).param("u", userId).update();
    }

    @Override
    public boolean seesAllTeams(long staffUserId) {
        return accounts.find(staffUserId).map(a -> a.role() == Role.SUPERVISOR || a.role() == Role.ADMIN).orElse(false);
    }
}
