package io.walletdesk.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The home page, error pages, problem descriptions and the static files every page uses are public. */
@Component
class SharedWebUrlRules implements UrlRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/", "/error", "/problems/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
                "/favicon.ico").permitAll();
    }
}
