package io.walletdesk.community.internal;

import io.walletdesk.shared.web.UrlRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The forum is readable by anyone, with or without JavaScript or an account; writing (and the new-topic form)
 * needs a signed-in customer or staff member, which the catch-all rules require for every other request.
 */
@Component
class CommunityUrlRules implements UrlRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        api.requestMatchers(HttpMethod.GET, "/api/v1/community/**").permitAll();
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers(HttpMethod.GET, "/community/new").hasAnyRole("CUSTOMER", "AGENT")
                .requestMatchers(HttpMethod.GET, "/community", "/community/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/community/unsubscribe").permitAll();
    }

    /** RFC 8058 one-click unsubscribe: mail clients POST without our token; the link's token authorises it. */
    @Override
    public List<String> pagesWithoutCsrfToken() {
        return List.of("/community/unsubscribe");
    }
}
