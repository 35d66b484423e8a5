package io.walletdesk.status.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The status page must answer while the database is down, also for signed-in people. Sessions live in the
 * database, so status requests are served as anonymous: the session cookie is hidden from them.
 */
@Configuration(proxyBeanMethods = false)
class SessionlessStatusFilter {

    static final String SESSION_COOKIE = "WDSESSION";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> statusWithoutSession() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return !(path.equals("/status") || path.startsWith("/status/") && !path.startsWith("/status/subscriptions")
                        || path.startsWith("/api/v2/") || path.equals("/history.atom"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(new HttpServletRequestWrapper(request) {
                    @Override
                    public Cookie[] getCookies() {
                        Cookie[] cookies = super.getCookies();
                        return cookies == null ? null
                                : Arrays.stream(cookies).filter(c -> !SESSION_COOKIE.equals(c.getName())).toArray(Cookie[]::new);
                    }
                }, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
