package io.walletdesk.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database. When it has no connection to spare, the error page must still render, so while
 * the error page is being rendered a session that cannot be loaded counts as no session (Spring MVC and Spring
 * Security ask for it on every dispatch, and each attempt used to fail the error page into the container's bare 500).
 */
final class ErrorDispatchSessions extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                try {
                    return super.getSession(create);
                } catch (RuntimeException failure) {
                    if (WebFailure.isConnectionShortage(failure)) {
                        return null;
                    }
                    throw failure;
                }
            }

            @Override
            public HttpSession getSession() {
                return getSession(true);
            }

            @Override
            public boolean isRequestedSessionIdValid() {
                try {
                    return super.isRequestedSessionIdValid();
                } catch (RuntimeException failure) {
                    if (WebFailure.isConnectionShortage(failure)) {
                        return false;
                    }
                    throw failure;
                }
            }
        }, response);
    }
}
