package io.walletdesk.reachability.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Registers the app version filter on {@code /api/*}, ahead of Spring Security (order -100). */
@Configuration(proxyBeanMethods = false)
class ReachabilityConfig {

    static final int VERSION_FILTER_ORDER = -110;

    @Bean
    FilterRegistrationBean<VersionPolicyFilter> appVersionPolicyFilter(AppVersionPolicy policy, UpdateTexts texts,
            JsonMapper json) {
        FilterRegistrationBean<VersionPolicyFilter> registration =
                new FilterRegistrationBean<>(new VersionPolicyFilter(policy, texts, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(VERSION_FILTER_ORDER);
        registration.setName("appVersionPolicyFilter");
        return registration;
    }
}
