package io.walletdesk.ledger.internal;

import io.walletdesk.shared.web.UrlRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The wallet is for customers. A locked customer (a support-only session, ROLE_RESTRICTED) still reaches identity
 * verification: that is how they unlock themselves. Verification first: the first matching rule decides.
 */
@Component
class LedgerUrlRules implements UrlRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        api.requestMatchers("/api/v1/wallet/verification", "/api/v1/wallet/verification/**")
                        .hasAnyRole("CUSTOMER", "RESTRICTED")
                .requestMatchers("/api/v1/wallet/**").hasRole("CUSTOMER");
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/wallet/verify", "/wallet/verify/**").hasAnyRole("CUSTOMER", "RESTRICTED")
                .requestMatchers("/wallet/**").hasRole("CUSTOMER");
    }
}
