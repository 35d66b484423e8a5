package io.walletdesk.chat.internal;

/**
 * What travels between nodes: only ids and small facts, never message bodies. A receiver that hears
 * "message up to seq N" sends its client everything after what that client has, from the database.
 */
record ChatSignal(long conversationId, Kind kind, long seq, String actor, boolean fromStaff) {

    /** The kinds of signal; CHANGED: staff changed assignee, team, status, priority or labels. */
    enum Kind { MESSAGE, TYPING, READ, CHANGED }
}
