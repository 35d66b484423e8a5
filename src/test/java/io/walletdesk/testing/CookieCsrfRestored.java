package io.walletdesk.testing;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.web.context.WebApplicationContext;

/**
 * Spring Security's MockMvc {@code csrf()} swaps the running CsrfFilter's repository for a session-based one and
 * never swaps it back. In a context shared by all tests that turned every later real HTTP client and browser into
 * a session user (anonymous pages then needed the database, and cookie-only clients got 403). After each test the
 * production repository (CSRF token in a cookie) is put back.
 */
public class CookieCsrfRestored extends AbstractTestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (context instanceof WebApplicationContext web && web.getServletContext() != null
                && context.containsBean("springSecurityFilterChain")) {
            MockHttpServletRequest request = new MockHttpServletRequest(web.getServletContext(), "GET", "/login");
            request.setServletPath("/login");
            WebTestUtils.setCsrfTokenRepository(request, new CookieCsrfTokenRepository());
        }
    }
}
