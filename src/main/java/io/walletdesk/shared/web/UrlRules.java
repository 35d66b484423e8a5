package io.walletdesk.shared.web;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for its own URLs (issue 18). Each module that needs any declares one package-private
 * bean implementing this, next to its controllers; the security configuration applies them all, so no central
 * class lists every module's paths.
 *
 * <p>The first rule that matches a request decides. The security configuration applies, in this order: its own
 * leading rules (error dispatches, actuator), every module's rules (in {@code @Order} order, if a contributor has
 * one), then the areas no single module owns ({@code /staff/**} for staff, {@code /api/v1/public/**} for anyone)
 * and a catch-all for signed-in customers and staff. So a module lists its more specific paths before its general
 * ones, and matches only paths of its own: then the order between modules never matters.
 */
public interface UrlRules {

    /** Rules for the stateless bearer-token API ({@code /api/**}). */
    default void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
    }

    /** Rules for the pages (session cookie, CSRF). */
    default void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
    }

    /**
     * Page paths that accept a POST without the CSRF token, because the request carries its own proof (e.g. a
     * signed link a mail client follows). Empty for almost every module.
     */
    default List<String> pagesWithoutCsrfToken() {
        return List.of();
    }
}
