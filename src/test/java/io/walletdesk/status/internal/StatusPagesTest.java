package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.status.StatusBanner;
import io.walletdesk.status.StatusNotice;
import io.walletdesk.testing.WalletDeskTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The public status page, incident pages, the Atom feed, the banner and the staff pages. */
@WalletDeskTest
class StatusPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StatusAdmin admin;
    @Autowired
    StatusSnapshots snapshots;
    @Autowired
    StatusBanner banner;
    @Autowired
    AuditTrail audit;

    @Test
    void thePageShowsComponentsAndTheirUptimeInEachLanguage() throws Exception {
        mvc.perform(get("/status").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Service status</h1>")))
                .andExpect(content().string(containsString("Help centre")))
                .andExpect(content().string(containsString("role=\"img\"")))
                .andExpect(content().string(containsString("aria-labelledby=\"uptime-title-top-up\"")))
                .andExpect(content().string(containsString("Uptime of Top-up over the last 90 days")))
                // Components tracked since the test database was made: grey days say "no data", not 100 %.
                .andExpect(content().string(containsString("% uptime on the days with data (")))
                .andExpect(content().string(containsString(": No data</title>")))
                .andExpect(content().string(not(containsString("100.00 % uptime over the last 90 days"))))
                // One clip path cuts the runs into daily bars (a few rects per component, not 90: UptimeBarsTest).
                .andExpect(content().string(containsString("<clipPath id=\"uptime-days\">")))
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(not(containsString("style="))));
        mvc.perform(get("/status").header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("<h1>服务状态</h1>")))
                .andExpect(content().string(containsString("充值")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/status").header("Accept-Language", "id"))
                .andExpect(content().string(containsString("<h1>Status layanan</h1>")))
                .andExpect(content().string(containsString("Isi saldo")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void anIncidentShowsOnThePageItsOwnPageTheFeedAndTheBanner() throws Exception {
        String id = StatusFixtures.incident(admin, "Payments failing", "payments", ComponentStatus.PARTIAL_OUTAGE);
        mvc.perform(get("/status").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Payments failing")))
                .andExpect(content().string(containsString("data-component=\"payments\" data-status=\"partial_outage\"")));
        mvc.perform(get("/status/incidents/" + id).header("Accept-Language", "id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Payments failing (ID)")))
                .andExpect(content().string(containsString("Sedang diselidiki")));
        mvc.perform(get("/status/incidents/nosuchincident")).andExpect(status().isNotFound());

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            List<StatusNotice> notices = banner.current();
            assertThat(notices).anySatisfy(n -> {
                assertThat(n.title()).isEqualTo("Payments failing（中文）");
                assertThat(n.link()).isEqualTo("/status/incidents/" + id);
                assertThat(n.statusText()).isEqualTo("调查中");
                assertThat(n.maintenance()).isFalse();
            });
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }

        admin.addUpdate(id, new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, StatusFixtures.texts("Fixed"),
                java.util.Map.of(), true), StatusAdmin.Actor.system());
        assertThat(banner.current()).noneMatch(n -> n.link().endsWith(id));
        assertThat(snapshots.current().snapshot().component("payments").orElseThrow().status())
                .isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void theAtomFeedIsValidAtom() throws Exception {
        String id = StatusFixtures.incident(admin, "Feed <incident> & more", "transfers", ComponentStatus.MAJOR_OUTAGE);
        byte[] xml = mvc.perform(get("/status/history.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(AtomFeed.ATOM);
        for (String required : List.of("id", "title", "updated")) {
            assertThat(children(root, required)).as("feed/" + required).hasSize(1);
            assertThat(children(root, required).get(0).getTextContent()).isNotBlank();
        }
        assertThat(children(root, "author")).hasSize(1);
        assertThat(children(root, "link")).anyMatch(l -> "self".equals(l.getAttribute("rel")));
        List<Element> entries = children(root, "entry");
        assertThat(entries).isNotEmpty();
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as("entry/" + required).hasSize(1);
            }
            java.time.Instant.parse(children(entry, "updated").get(0).getTextContent());
            assertThat(children(entry, "id").get(0).getTextContent()).startsWith("tag:");
        }
        assertThat(entries).anyMatch(e -> children(e, "title").get(0).getTextContent().startsWith("Feed <incident> & more")
                && children(e, "link").get(0).getAttribute("href").endsWith("/status/incidents/" + id));
    }

    @Test
    void onlySupervisorsPublishAndEveryChangeIsAudited() throws Exception {
        mvc.perform(get("/staff/status")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/status").with(user("11").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/status").with(user("12").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Report an incident")));

        // English alone is refused: the problem names the field and the language, and the form keeps what was typed.
        mvc.perform(post("/staff/status/incidents").with(user("12").roles("SUPERVISOR")).with(csrf())
                        .param("name_en", "E-mail replies delayed").param("name_zh", "邮件回复延迟")
                        .param("name_id", "Balasan e-mail tertunda").param("body_en", "Replies take longer.")
                        .param("impact", "minor").param("status", "identified").param("components", "email-support"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Message (Indonesian) is empty")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*id=\"i-body_id\"[^>]*aria-invalid=\"true\".*")))
                .andExpect(content().string(containsString("value=\"邮件回复延迟\"")));
        mvc.perform(post("/staff/status/incidents").with(user("12").roles("SUPERVISOR")).with(csrf())
                        .header("Accept-Language", "id")
                        .param("name_en", "E-mail replies delayed").param("body_en", "Replies take longer."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Judul (Indonesia) masih kosong")));
        assertThat(snapshots.current().snapshot().unresolvedIncidents())
                .noneMatch(i -> i.name().en().equals("E-mail replies delayed"));

        mvc.perform(post("/staff/status/incidents").with(user("12").roles("SUPERVISOR")).with(csrf())
                        .param("name_en", "E-mail replies delayed").param("name_zh", "邮件回复延迟")
                        .param("name_id", "Balasan e-mail tertunda").param("body_en", "Replies take longer.")
                        .param("body_zh", "回复需要更长时间。").param("body_id", "Balasan memerlukan waktu lebih lama.")
                        .param("impact", "minor").param("status", "identified").param("components", "email-support")
                        .param("componentStatus", "degraded_performance").param("notify", "on"))
                .andExpect(redirectedUrlPattern("/staff/status/incidents/*"));
        StatusSnapshot.Incident created = snapshots.current().snapshot().unresolvedIncidents().stream()
                .filter(i -> i.name().en().equals("E-mail replies delayed")).findFirst().orElseThrow();
        assertThat(created.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(created.componentCodes()).containsExactly("email-support");
        assertThat(snapshots.current().snapshot().component("email-support").orElseThrow().status())
                .isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);

        mvc.perform(get("/staff/status/incidents/" + created.publicId()).with(user("12").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("E-mail replies delayed")));
        mvc.perform(post("/staff/status/incidents/" + created.publicId() + "/updates")
                        .with(user("12").roles("SUPERVISOR")).with(csrf())
                        .param("status", "resolved").param("body_en", "All replies sent.").param("componentStatus", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Message (Indonesian) is empty")));
        mvc.perform(post("/staff/status/incidents/" + created.publicId() + "/updates")
                        .with(user("12").roles("SUPERVISOR")).with(csrf())
                        .param("status", "resolved").param("body_en", "All replies sent.")
                        .param("body_id", "Semua balasan terkirim.").param("body_zh", "所有回复已发送。").param("componentStatus", ""))
                .andExpect(redirectedUrlPattern("/staff/status/incidents/*"));
        assertThat(snapshots.current().snapshot().component("email-support").orElseThrow().status())
                .isEqualTo(ComponentStatus.OPERATIONAL);

        mvc.perform(post("/staff/status/components/help-centre").with(user("12").roles("SUPERVISOR")).with(csrf())
                        .param("status", "partial_outage"))
                .andExpect(redirectedUrlPattern("/staff/status*"));
        mvc.perform(post("/staff/status/components/help-centre").with(user("12").roles("SUPERVISOR")).with(csrf())
                        .param("status", "operational"))
                .andExpect(redirectedUrlPattern("/staff/status*"));
        mvc.perform(post("/staff/status/components/help-centre").with(user("11").roles("AGENT")).with(csrf())
                        .param("status", "major_outage"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/staff/status/maintenances").with(user("12").roles("SUPERVISOR")).with(csrf())
                        .param("name_en", "Bank link maintenance").param("body_en", "Top-ups pause briefly.")
                        .param("from", "2030-01-05T01:00").param("until", "2030-01-05T00:00")
                        .param("components", "top-up"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("the end must be after the start")));

        List<String> actions = audit.recent(12L, 20).stream().map(AuditTrail.AuditRecord::action).toList();
        assertThat(actions).contains("STATUS_INCIDENT_OPENED", "STATUS_INCIDENT_UPDATED", "STATUS_COMPONENT_CHANGED");
        assertThat(audit.recent(12L, 20)).filteredOn(r -> r.action().startsWith("STATUS_"))
                .allMatch(r -> "SUPERVISOR".equals(r.actorRole()) && Long.valueOf(12).equals(r.actorUserId()));
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(AtomFeed.ATOM, name);
        List<Element> direct = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                direct.add((Element) nodes.item(i));
            }
        }
        return direct;
    }

    @SuppressWarnings("unused")
    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
