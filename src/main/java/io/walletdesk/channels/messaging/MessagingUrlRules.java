package io.walletdesk.channels.messaging;

import io.walletdesk.shared.web.UrlRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The messaging apps' webhooks are called by Meta and Telegram, not by a browser: open to anyone and without our
 * CSRF token, because every request proves itself (X-Hub-Signature-256, the Telegram secret token) before anything
 * is read. The staff console pages fall under {@code /staff/**}.
 */
@Component
class MessagingUrlRules implements UrlRules {

    private static final String[] WEBHOOKS = {"/channels/whatsapp/webhook", "/channels/telegram/webhook"};

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(WEBHOOKS).permitAll();
    }

    @Override
    public List<String> pagesWithoutCsrfToken() {
        return List.of(WEBHOOKS);
    }
}
