package io.walletdesk.identity.web;

import io.walletdesk.identity.internal.ApiTokens;
import io.walletdesk.identity.internal.Principals;
import io.walletdesk.identity.internal.SignOut;
import io.walletdesk.shared.web.Problems;
import jakarta.servlet.RequestDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
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
 * Three filter chains: the stateless bearer-token API, the API documentation, and the pages (session
 * cookie, CSRF). Access rules for every module's URLs live here so they can be reviewed in one place.
 * Restricted (locked or disabled) customers hold only ROLE_RESTRICTED and reach the support areas.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

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

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, Principals principals, Problems problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie is ever accepted here
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, principals, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/register").permitAll()
                        .requestMatchers("/api/v1/public/**").permitAll()
                        // Outdated apps must always learn that they need an update; anyone may check a channel.
                        .requestMatchers(HttpMethod.GET, "/api/v1/app-config").permitAll()
                        .requestMatchers("/api/v1/official-channels/**").permitAll()
                        // The community forum is readable by anyone; posting needs a bearer token.
                        .requestMatchers(HttpMethod.GET, "/api/v1/community/**").permitAll()
                        // The Statuspage-compatible status API is public, as Atlassian's is.
                        .requestMatchers(HttpMethod.GET, "/api/v2/**").permitAll()
                        // The chat module authenticates its own X-Chat-Token on every call.
                        .requestMatchers("/api/v1/chat/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
                        .requestMatchers("/api/v1/auth/revoke", "/api/v1/me/notifications/**", "/api/v1/support/**")
                                .authenticated()
                        .requestMatchers("/api/v1/staff/**").hasRole("AGENT")
                        // A locked customer unlocks themselves by verifying their identity.
                        .requestMatchers("/api/v1/wallet/verification", "/api/v1/wallet/verification/**")
                                .hasAnyRole("CUSTOMER", "RESTRICTED")
                        .requestMatchers("/api/v1/wallet/**").hasRole("CUSTOMER")
                        .anyRequest().hasAnyRole("CUSTOMER", "AGENT"))
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
            SignOut signOut) throws Exception {
        // CSRF token in a cookie (double-submit), so anonymous pages need no server-side session.
        http.securityContext(sc -> sc.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        // RFC 8058 one-click unsubscribe: mail clients POST without our token; the link's token authorises it.
                        .ignoringRequestMatchers("/status/subscriptions/unsubscribe", "/community/unsubscribe"))
                .addFilterAfter(new CurrentUserFilter(principals, contexts), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR,
                                jakarta.servlet.DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/", "/login", "/login/2fa", "/register", "/language", "/error",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/problems/**",
                                "/support", "/support/**", "/help/**", "/status/**", "/diagnose/**", "/widget.js", "/chat/ws", "/chat/token", "/verify", "/verify/**",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        // The community forum is readable by anyone; writing (and its form) needs sign-in.
                        .requestMatchers(HttpMethod.GET, "/community/new").hasAnyRole("CUSTOMER", "AGENT")
                        .requestMatchers(HttpMethod.GET, "/community", "/community/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/community/unsubscribe").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/account/status", "/notifications/**").authenticated()
                        .requestMatchers("/staff/**").hasRole("AGENT")
                        .requestMatchers("/wallet/verify", "/wallet/verify/**").hasAnyRole("CUSTOMER", "RESTRICTED")
                        .requestMatchers("/wallet/**").hasRole("CUSTOMER")
                        .anyRequest().hasAnyRole("CUSTOMER", "AGENT"))
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
}
