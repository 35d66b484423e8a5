package io.walletdesk.status.internal;

import io.walletdesk.shared.web.UrlRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The status page, its feed and subscriptions are public, and so is the Statuspage-compatible API (as Atlassian's is). */
@Component
class StatusUrlRules implements UrlRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        // Every method: OPTIONS is a browser's CORS preflight, and a method nobody serves is a 405, not "sign in".
        // There are only GET handlers here.
        api.requestMatchers("/api/v2/**").permitAll();
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        // /history.atom: where Statuspage publishes the feed of a page at the site root.
        pages.requestMatchers("/status/**", "/history.atom").permitAll();
    }

    /** RFC 8058 one-click unsubscribe: mail clients POST without our token; the link's token authorises it. */
    @Override
    public List<String> pagesWithoutCsrfToken() {
        return List.of("/status/subscriptions/unsubscribe");
    }
}
