package io.walletdesk.reachability.internal;

import io.walletdesk.shared.web.UrlRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Diagnosis and channel checks are public: they help people who cannot sign in, or who doubt a message is ours.
 * ({@code /support/verify} is public as part of support's pages.)
 */
@Component
class ReachabilityUrlRules implements UrlRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        // Outdated apps must always learn that they need an update; anyone may check a channel.
        api.requestMatchers(HttpMethod.GET, "/api/v1/app-config").permitAll()
                .requestMatchers("/api/v1/official-channels/**").permitAll();
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/diagnose/**", "/verify", "/verify/**").permitAll();
    }
}
