package io.walletdesk.support;

/** A conversation was routed to a team ({@code teamId} null: to no team), by staff or by an escalation. */
public record ConversationTeamAssigned(long conversationId, Long teamId) {
}
