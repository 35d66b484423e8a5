package io.walletdesk.support;

/**
 * A staff member changed a conversation's assignee, team, status, priority or labels, so open agent workspaces
 * refresh its row. Carries only the id: each listener reads what its viewer may see.
 */
public record ConversationChanged(long conversationId) {
}
