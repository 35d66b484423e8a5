package io.walletdesk.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Prometheus server in with the scrape token ({@code WALLETDESK_METRICS_TOKEN}) as a bearer token. The
 * authority it grants, {@link #ROLE}, belongs to no person, so neither a session nor a person's API token reaches
 * the metrics; anything else is left unauthenticated and answered 401 by the metrics chain. Without a configured
 * token nobody gets in.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    /** The role of the scraper; no account ever holds it. */
    static final String ROLE = "METRICS_SCRAPER";

    private final byte[] expectedDigest;

    ScrapeTokenFilter(String token) {
        this.expectedDigest = token == null || token.isBlank() ? null : digest(token.strip());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (expectedDigest != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                // Digests of equal length, compared in constant time: the answer says nothing about the token.
                && MessageDigest.isEqual(expectedDigest, digest(header.substring(7).strip()))) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            SecurityContextHolder.setContext(context);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible); // every Java platform has SHA-256
        }
    }
}
