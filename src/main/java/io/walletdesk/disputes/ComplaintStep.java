package io.walletdesk.disputes;

import java.time.Instant;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One step in a complaint's timeline: who did what, when and why. {@code action} and {@code actorRole} are
 * stored codes; {@link #title()}, {@link #actor()} and {@link #noteText()} are what people read, resolved
 * through a {@code MessageSource} in the reader's language (no raw code reaches a page or file).
 */
public record ComplaintStep(Instant at, Long actorUserId, String actorRole, String action, String note) {

    /** Escalations are stored as {@code ESCALATED_TO_<tier>}. */
    static final String ESCALATED_TO = "ESCALATED_TO_";
    /** Notes the system writes are stored as {@code auto:<code>} and translated when shown. */
    static final String AUTOMATIC_NOTE = "auto:";

    /** What happened, e.g. <q>Escalated to Supervisor</q> or <q>Dieskalasi ke Supervisor</q>. */
    public MessageSourceResolvable title() {
        if (action.startsWith(ESCALATED_TO)) {
            String tier = action.substring(ESCALATED_TO.length());
            return new DefaultMessageSourceResolvable(new String[] {"complaint.step.ESCALATED_TO"},
                    new Object[] {new DefaultMessageSourceResolvable(new String[] {"complaint.tier." + tier}, tier)},
                    action);
        }
        return new DefaultMessageSourceResolvable(new String[] {"complaint.step." + action}, action);
    }

    /** Who did it (<q>Customer</q>, <q>Supervisor</q> or <q>Automatic</q>), or null when not recorded. */
    public MessageSourceResolvable actor() {
        return actorRole == null ? null
                : new DefaultMessageSourceResolvable(new String[] {"complaint.actor." + actorRole}, actorRole);
    }

    /** The reason or comment: people's own words as written, the system's in the reader's language; or null. */
    public MessageSourceResolvable noteText() {
        if (note == null) {
            return null;
        }
        if (note.startsWith(AUTOMATIC_NOTE)) {
            return new DefaultMessageSourceResolvable(
                    new String[] {"complaint.step.note." + note.substring(AUTOMATIC_NOTE.length())}, note);
        }
        return new DefaultMessageSourceResolvable(null, null, note);
    }
}
