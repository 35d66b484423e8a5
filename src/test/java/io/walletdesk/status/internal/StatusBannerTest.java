package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.status.StatusBanner;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** The banner the layout shows: active incidents and maintenances that affect customers, in their language. */
@WalletDeskTest
class StatusBannerTest {

    @Autowired
    StatusBanner banner;
    @Autowired
    StatusAdmin admin;
    @Autowired
    MaintenanceScheduler scheduler;
    @Autowired
    MutableClock clock;
    @Autowired
    SpringTemplateEngine templates;
    @Autowired
    ApplicationContext context;

    @Test
    void activeMaintenanceAndIncidentsWithImpactAppearAndTheFragmentRendersThem() {
        String maintenance = StatusFixtures.maintenance(admin, "Top-up bank switch", clock.instant().minusSeconds(1),
                Duration.ofHours(1), "top-up");
        String upcoming = StatusFixtures.maintenance(admin, "Later work", clock.instant().plus(Duration.ofDays(2)),
                Duration.ofHours(1), "top-up");
        scheduler.run();
        String silent = admin.openIncident(new StatusAdmin.NewIncident(StatusFixtures.texts("Cosmetic glitch"),
                Impact.NONE, IncidentStatus.INVESTIGATING, StatusFixtures.texts("Harmless"), java.util.Map.of(), false),
                StatusAdmin.Actor.system(), null);

        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        try {
            assertThat(banner.current()).anySatisfy(n -> {
                assertThat(n.link()).isEqualTo("/status/incidents/" + maintenance);
                assertThat(n.maintenance()).isTrue();
                assertThat(n.statusText()).isEqualTo("Sedang berlangsung");
            });
            assertThat(banner.current()).noneMatch(n -> n.link().endsWith(upcoming) || n.link().endsWith(silent));

            String html = render(Locale.forLanguageTag("id"));
            assertThat(html).contains("id=\"status-banner\"", "Top-up bank switch (ID)", "Rincian dan pembaruan",
                    "href=\"/status/incidents/" + maintenance + "\"");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private String render(Locale locale) {
        MockServletContext servletContext = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/wallet");
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        WebContext web = new WebContext(exchange, locale);
        web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        return templates.process("status/banner", Set.of("banner"), web);
    }
}
