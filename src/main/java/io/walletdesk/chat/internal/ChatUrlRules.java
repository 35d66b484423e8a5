package io.walletdesk.chat.internal;

import io.walletdesk.shared.web.UrlRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The chat widget, its WebSocket and its token are public (anonymous visitors chat too); the chat API checks its
 * own X-Chat-Token on every call instead of a bearer token.
 */
@Component
class ChatUrlRules implements UrlRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        api.requestMatchers("/api/v1/chat/**").permitAll();
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        // The widget under its stable name (third-party pages) and its content-hashed names (our pages).
        pages.requestMatchers("/widget.js", "/widget-*.js", "/chat/ws", "/chat/token").permitAll();
    }
}
