package io.walletdesk.support.conversation;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.ConversationChanged;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.Priority;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The workspace's in-place changes to a conversation. Only what differs from the current value changes, each
 * change is one audit entry, and open workspaces hear of it ({@link ConversationChanged}) to refresh the row.
 */
@Component
class WorkspaceActions {

    private final Conversations conversations;
    private final WorkspaceRows rows;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Snoozes snoozes;

    WorkspaceActions(Conversations conversations, WorkspaceRows rows, AuditTrail audit, ApplicationEventPublisher events,
            Snoozes snoozes) {
        this.snoozes = snoozes;
        this.conversations = conversations;
        this.rows = rows;
        this.audit = audit;
        this.events = events;
    }

    /**
     * What the agent asked for; a null field is left as it is. {@code assignee} is "me", "none" or empty;
     * {@code team} is a team id or empty for no team; {@code labels} comma-separated.
     */
    record Change(String assignee, String team, ConversationStatus status, Priority priority, String labels,
            Instant snoozeUntil) {

        Change(String assignee, String team, ConversationStatus status, Priority priority, String labels) {
            this(assignee, team, status, priority, labels, null);
        }
    }

    /** Applies the change; returns the conversation as it now is. */
    ConversationView apply(long id, SignedInUser me, Change change, ClientInfo client) {
        Participant.Staff staff = new Participant.Staff(me.userId(), me.displayName());
        ConversationView c = conversations.get(id, staff);
        boolean changed = false;
        if (change.assignee() != null && !change.assignee().isEmpty()) {
            Long to = "me".equals(change.assignee()) ? Long.valueOf(me.userId()) : null;
            if (!Objects.equals(to, c.assigneeUserId())) {
                conversations.assign(id, staff, to);
                changed = audit(me, c, "CONVERSATION_ASSIGNED", "assignee=" + (to == null ? "none" : to), client);
            }
        }
        if (change.team() != null) {
            Long team = change.team().isBlank() ? null : Long.valueOf(change.team().trim());
            if (!Objects.equals(team, c.teamId())) {
                conversations.assignTeam(id, staff, team);
                changed = audit(me, c, "CONVERSATION_TEAM_CHANGED", "team=" + (team == null ? "none" : team), client);
            }
        }
        if (change.status() != null && change.status() != c.status()) {
            conversations.changeStatus(id, staff, change.status());
            changed = audit(me, c, "CONVERSATION_STATUS_CHANGED", c.status() + "->" + change.status(), client);
        }
        if (change.priority() != null && change.priority() != c.priority()) {
            conversations.changePriority(id, staff, change.priority());
            changed = audit(me, c, "CONVERSATION_PRIORITY_CHANGED", c.priority() + "->" + change.priority(), client);
        }
        if (change.snoozeUntil() != null && change.snoozeUntil().isAfter(rows.now())
                && !change.snoozeUntil().equals(snoozes.until(id))) {
            snoozes.snooze(id, staff, change.snoozeUntil());
            changed = audit(me, c, "CONVERSATION_SNOOZED", "until=" + change.snoozeUntil(), client);
        }
        if (change.labels() != null) {
            List<String> labels = Arrays.stream(change.labels().split(",")).filter(l -> !l.isBlank()).toList();
            if (rows.setLabels(id, labels)) {
                changed = audit(me, c, "CONVERSATION_LABELS_CHANGED", "labels=" + rows.labels(id), client);
            }
        }
        if (changed) {
            events.publishEvent(new ConversationChanged(id));
        }
        return conversations.get(id, staff);
    }

    /** Adds a label to a conversation the agent may see (bulk action). */
    void label(long id, SignedInUser me, String label, ClientInfo client) {
        ConversationView c = conversations.get(id, new Participant.Staff(me.userId(), me.displayName()));
        if (rows.addLabel(id, label)) {
            audit(me, c, "CONVERSATION_LABELS_CHANGED", "labels=" + rows.labels(id), client);
            events.publishEvent(new ConversationChanged(id));
        }
    }

    /** Tells the open workspaces, e.g. after a transaction was linked. */
    void changed(long id) {
        events.publishEvent(new ConversationChanged(id));
    }

    private boolean audit(SignedInUser me, ConversationView c, String action, String details, ClientInfo client) {
        audit.record(AuditEntry.of(action, me.userId(), me.role().name(), c.customerUserId(),
                c.reference() + " " + details, client));
        return true;
    }
}
