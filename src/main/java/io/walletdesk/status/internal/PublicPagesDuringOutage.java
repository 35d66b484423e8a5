package io.walletdesk.status.internal;

import io.walletdesk.shared.db.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signed-in people reading the public pages (help centre, support, diagnose, contact check) while the database
 * is away: their session and account live in the database, so loading them fails before the page is reached.
 * These pages need neither, so while an outage is known they are served as to an anonymous visitor (a message
 * left meanwhile is journaled like a visitor's). A request that fails because the outage has only just begun is
 * answered with a 307 redirect to itself, which keeps the method and form and then finds the outage known. The cookie stays in the browser, so the person is signed in again when the database is back.
 */
@Configuration(proxyBeanMethods = false)
class PublicPagesDuringOutage {

    private static final Duration KNOWN_OUTAGE = Duration.ofSeconds(10);

    static boolean isPublicPage(String path) {
        return path.equals("/") || path.equals("/help") || path.startsWith("/help/") || path.equals("/support")
                || path.equals("/support/message") || path.equals("/support/verify") || path.equals("/verify")
                || path.equals("/diagnose");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicPagesWithoutSessionDuringOutage(DatabaseOutage outage) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String method = request.getMethod();
                boolean read = (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method))
                        && isPublicPage(request.getRequestURI());
                // Leaving a message must work too: it is journaled, as from a visitor who gives a contact.
                boolean leaveMessage = HttpMethod.POST.matches(method) && "/support/message".equals(request.getRequestURI());
                return !(read || leaveMessage) || !hasSessionCookie(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (outage.seenWithin(KNOWN_OUTAGE)) {
                    chain.doFilter(withoutSession(request), response);
                    return;
                }
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException | RuntimeException failure) {
                    if (response.isCommitted() || !outage.noteFailure(failure)) {
                        throw failure;
                    }
                    response.reset();
                    String query = request.getQueryString();
                    // 307 keeps the method and the form, so a message being left is sent again, not lost.
                    response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
                    response.setHeader("Location", request.getRequestURI() + (query == null ? "" : "?" + query));
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> SessionlessStatusFilter.SESSION_COOKIE.equals(c.getName()));
    }

    private static HttpServletRequest withoutSession(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                Cookie[] cookies = super.getCookies();
                return cookies == null ? null : Arrays.stream(cookies)
                        .filter(c -> !SessionlessStatusFilter.SESSION_COOKIE.equals(c.getName())).toArray(Cookie[]::new);
            }
        };
    }
}
