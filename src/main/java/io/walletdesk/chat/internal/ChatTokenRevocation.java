package io.walletdesk.chat.internal;

import io.walletdesk.identity.AccountLocked;
import io.walletdesk.identity.PasswordChanged;
import io.walletdesk.identity.SignedOut;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Chat tokens end with the session that got them: at sign-out, password change and account lock. Plain
 * (synchronous) listeners on purpose: the revocation is done, in the same transaction where there is one,
 * before the user sees "signed out"; an asynchronous module listener would leave a window in which a
 * token taken from the browser still reads the conversations.
 */
@Component
class ChatTokenRevocation {

    private final ChatTokens tokens;
    private final ChatSocketHandler sockets;

    ChatTokenRevocation(ChatTokens tokens, ChatSocketHandler sockets) {
        this.tokens = tokens;
        this.sockets = sockets;
    }

    @EventListener
    void on(SignedOut event) {
        revoke(event.userId());
    }

    @EventListener
    void on(PasswordChanged event) {
        revoke(event.userId());
    }

    @EventListener
    void on(AccountLocked event) {
        revoke(event.userId());
    }

    private void revoke(long userId) {
        tokens.revokeUser(userId);
        sockets.disconnectUser(userId);
    }
}
