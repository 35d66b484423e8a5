package io.walletdesk.support;

import java.util.List;
import java.util.Set;

/**
 * Support teams and who works in them. What a staff member may see follows from this: supervisors and
 * admins see every conversation; agents see their teams' conversations, those not routed to any team, and
 * those assigned to them.
 */
public interface Teams {

    /** A team. */
    record Team(long id, String name, long calendarId) {
    }

    List<Team> all();

    Set<Long> teamsOf(long userId);

    List<Long> members(long teamId);

    /** Adding twice is the same as adding once. */
    void addMember(long teamId, long userId);

    void removeMember(long teamId, long userId);

    /** Whether this staff member sees every team's work. */
    boolean seesAllTeams(long staffUserId);
}
