package io.walletdesk.support;

import io.walletdesk.shared.web.ClientInfo;

/**
 * Whether the 24-hour assistant answers new chats first, and for each chat whether it still does. While it
 * does, chats are not routed to agents; a hand-over (or an agent writing in the chat) gives it to humans for
 * good.
 */
public interface FirstResponse {

    /** The desk-wide switch (shared by every node). */
    boolean assistantEnabled();

    void setAssistantEnabled(boolean enabled, Long byUserId, ClientInfo client);

    /** True while the assistant, not a human, answers this conversation. */
    boolean withAssistant(long conversationId);

    /**
     * Gives the chat to humans and publishes {@link ConversationHandedOver} so it is routed to an agent. Returns
     * false when humans had it already (nothing happens twice).
     */
    boolean handOver(long conversationId, String intent);
}
