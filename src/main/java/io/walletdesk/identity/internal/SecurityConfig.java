package io.walletdesk.identity.internal;

import io.walletdesk.shared.web.Problems;
import io.walletdesk.shared.web.UrlRules;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Four filter chains: the metrics a Prometheus server scrapes (its own token), the stateless bearer-token API,
 * the API documentation, and the pages (session cookie, CSRF). Each module contributes the access rules of its own URLs ({@link UrlRules}); this class keeps
 * only the rules no module owns (error dispatches, actuator, the staff and public areas, the catch-all).
 * Restricted (locked or disabled) customers hold only ROLE_RESTRICTED and reach the support areas.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_SUPERVISOR > ROLE_AGENT
                """);
    }

    /**
     * Requests the firewall refuses (an encoded NUL, slash or backslash, control characters in the path) are a
     * client's mistake: a 400 problem on the API, a plain 400 elsewhere, never Boot's default error.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> {
            if (request.getRequestURI() != null && request.getRequestURI().startsWith("/api/")) {
                problems.write(request, response, "malformed-request", HttpStatus.BAD_REQUEST);
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    /**
     * No observation (tracing spans, timers) around every security filter and authorization decision: on the
     * API it cost more CPU than the filters themselves. Whole requests are still observed and timed
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * {@code /actuator/prometheus} for a Prometheus server only, with the scrape token
     * ({@code walletdesk.metrics.scrape-token}, README "Metrics"): stateless, so a person's session is never read
     * here, and a refusal is a 401 problem (a scraper cannot follow a redirect to the sign-in page). The other
     * actuator endpoints stay on the page chain (health public, the rest for admins).
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, Problems problems,
            @Value("${walletdesk.metrics.scrape-token:}") String scrapeToken) throws Exception {
        if (scrapeToken.isBlank()) {
            log.info("Prometheus scraping is off: WALLETDESK_METRICS_TOKEN is not set");
        }
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .csrf(csrf -> csrf.disable()) // no cookie is ever accepted here
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ScrapeTokenFilter.ROLE))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"walletdesk-metrics\"");
                            problems.write(request, response, "metrics-token", HttpStatus.UNAUTHORIZED);
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, "metrics-token", HttpStatus.FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, Principals principals, Problems problems,
            ObjectProvider<UrlRules> contributed) throws Exception {
        List<UrlRules> urlRules = contributed.orderedStream().toList();
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie is ever accepted here
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, principals, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    urlRules.forEach(rules -> rules.api(auth));
                    // Areas no single module owns; then signed-in customers and staff.
                    auth.requestMatchers("/api/v1/public/**").permitAll()
                            .requestMatchers("/api/v1/staff/**").hasRole("AGENT")
                            .anyRequest().hasAnyRole("CUSTOMER", "AGENT");
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, "unauthenticated", HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                RestrictedAccess.isRestricted() ? "account-restricted" : "forbidden",
                                HttpStatus.FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Swagger UI ships inline styles; it is read-only and never sees a session cookie.
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, Principals principals, SecurityContextRepository contexts,
            SignOut signOut, ObjectProvider<UrlRules> contributed) throws Exception {
        List<UrlRules> urlRules = contributed.orderedStream().toList();
        // CSRF token in a cookie (double-submit), so anonymous pages need no server-side session.
        http.securityContext(sc -> sc.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .ignoringRequestMatchers(withoutCsrfToken(urlRules)))
                .addFilterAfter(new CurrentUserFilter(principals, contexts), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/actuator/**").hasRole("ADMIN");
                    urlRules.forEach(rules -> rules.pages(auth));
                    // Areas no single module owns; then signed-in customers and staff.
                    auth.requestMatchers("/staff/**").hasRole("AGENT")
                            .anyRequest().hasAnyRole("CUSTOMER", "AGENT");
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler((request, response, ex) -> {
                            if (RestrictedAccess.isRestricted()) {
                                response.sendRedirect(request.getContextPath() + "/account/status");
                            } else {
                                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 403);
                                response.sendError(403);
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null
                                    && authentication.getPrincipal() instanceof io.walletdesk.identity.SignedInUser user) {
                                signOut.signedOut(user.userId());
                            }
                        })
                        .deleteCookies("WDSESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.migrateSession()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static String[] withoutCsrfToken(List<UrlRules> urlRules) {
        return urlRules.stream().flatMap(rules -> rules.pagesWithoutCsrfToken().stream()).toArray(String[]::new);
    }
}
