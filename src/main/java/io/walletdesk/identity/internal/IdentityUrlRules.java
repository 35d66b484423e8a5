package io.walletdesk.identity.internal;

import io.walletdesk.shared.web.UrlRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who reaches identity's URLs beyond the default (signed-in customers and staff). */
@Component
class IdentityUrlRules implements UrlRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        api.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/register", "/api/v1/auth/password-reset",
                        "/api/v1/auth/password-reset/complete").permitAll()
                // Restricted (support-only) sessions too: they learn why and what to do, and can sign out.
                .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
                .requestMatchers("/api/v1/auth/revoke", "/api/v1/me/notifications/**").authenticated();
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/login", "/login/2fa", "/login/reset", "/login/reset/code", "/register", "/language")
                .permitAll()
                .requestMatchers("/account/status", "/notifications/**").authenticated();
    }
}
