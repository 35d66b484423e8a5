package io.walletdesk.knowledge.internal;

import io.walletdesk.shared.web.UrlRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The help centre's pages are public (its API is under the public {@code /api/v1/public/**} area). */
@Component
class KnowledgeUrlRules implements UrlRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.requestMatchers("/help/**").permitAll();
    }
}
