package io.walletdesk.chat.internal;

import io.walletdesk.identity.SignedInUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Our own pages get a chat token for the signed-in user (customer, restricted customer or staff) from
 * their session. Anonymous visitors get 204 and use the widget's pre-chat form instead.
 */
@RestController
class ChatTokenController {

    private final ChatTokens tokens;

    ChatTokenController(ChatTokens tokens) {
        this.tokens = tokens;
    }

    /** {@code language}: the user's language tag, so the widget speaks it from the first frame. */
    record ChatToken(String token, String name, boolean staff, String language) {
    }

    @GetMapping("/chat/token")
    ResponseEntity<ChatToken> token(@AuthenticationPrincipal SignedInUser me) {
        if (me == null) {
            return ResponseEntity.noContent().build();
        }
        String token = me.isStaff() ? tokens.forStaff(me.userId(), me.displayName())
                : tokens.forCustomer(me.userId(), me.displayName());
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(new ChatToken(token, me.displayName(), me.isStaff(), me.language().tag()));
    }
}
