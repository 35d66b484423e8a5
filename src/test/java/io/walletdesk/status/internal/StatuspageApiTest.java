package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The Statuspage v2 documents have the shape of real Statuspage responses and only Statuspage's values. */
@WalletDeskTest
class StatuspageApiTest {

    static final List<String> ENDPOINTS = List.of("summary", "status", "components", "incidents",
            "incidents/unresolved", "scheduled-maintenances", "scheduled-maintenances/upcoming",
            "scheduled-maintenances/active");

    static final Set<String> COMPONENT_STATUSES = Set.of("operational", "degraded_performance", "partial_outage",
            "major_outage", "under_maintenance");
    static final Set<String> INCIDENT_STATUSES = Set.of("investigating", "identified", "monitoring", "resolved",
            "postmortem");
    static final Set<String> MAINTENANCE_STATUSES = Set.of("scheduled", "in_progress", "verifying", "completed");
    static final Set<String> INDICATORS = Set.of("none", "minor", "major", "critical");
    static final Set<String> IMPACTS = Set.of("none", "minor", "major", "critical", "maintenance");

    @Autowired
    MockMvc mvc;
    @Autowired
    StatusAdmin admin;
    @Autowired
    StatusSnapshots snapshots;
    @Autowired
    StatuspageDocuments documents;
    @Autowired
    MutableClock clock;
    @Autowired
    MaintenanceScheduler scheduler;
    @LocalServerPort
    int port;

    @BeforeEach
    void someOfEverything() {
        String open = StatusFixtures.incident(admin, "Slow top-ups", "top-up", ComponentStatus.DEGRADED_PERFORMANCE);
        admin.addUpdate(open, new StatusAdmin.NewUpdate(IncidentStatus.IDENTIFIED, StatusFixtures.texts("Bank is slow"),
                Map.of(), true), StatusAdmin.Actor.system());
        String resolved = StatusFixtures.incident(admin, "Chat down", "live-chat", ComponentStatus.MAJOR_OUTAGE);
        admin.addUpdate(resolved, new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, StatusFixtures.texts("Fixed"),
                Map.of(), true), StatusAdmin.Actor.system());
        StatusFixtures.maintenance(admin, "Database upgrade", clock.instant().plus(Duration.ofDays(3)),
                Duration.ofHours(2), "payments", "transfers");
        StatusFixtures.maintenance(admin, "Phone system move", clock.instant().minus(Duration.ofMinutes(5)),
                Duration.ofDays(400), "phone-support");
        scheduler.run(); // the maintenance that began five minutes ago is now in progress
        snapshots.invalidate();
    }

    @Test
    void everyEndpointHasTheShapeOfTheRealStatuspageResponse() throws Exception {
        for (String endpoint : ENDPOINTS) {
            String body = mvc.perform(get("/api/v2/" + endpoint + ".json").with(user("1").roles("CUSTOMER")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
                    .andReturn().getResponse().getContentAsString();
            JsonNode ours = StatuspageShape.JSON.readTree(body);
            JsonNode sample = StatuspageShape.sample(endpoint);
            Set<String> compared = StatuspageShape.assertSameShape(endpoint, sample, ours);
            assertThat(compared).as(endpoint).contains("$.page");
            assertValuesAreStatuspages(ours);
        }
    }

    @Test
    void nestedObjectsOfIncidentsAndMaintenancesAreCompared() throws Exception {
        JsonNode incidents = document("incidents");
        Set<String> paths = StatuspageShape.assertSameShape("incidents", StatuspageShape.sample("incidents"), incidents);
        assertThat(paths).contains("$.incidents[]", "$.incidents[].incident_updates[]",
                "$.incidents[].incident_updates[].affected_components[]", "$.incidents[].components[]");
        JsonNode maintenances = document("scheduled-maintenances");
        assertThat(StatuspageShape.assertSameShape("scheduled-maintenances",
                StatuspageShape.sample("scheduled-maintenances"), maintenances))
                .contains("$.scheduled_maintenances[]", "$.scheduled_maintenances[].incident_updates[]");
        // Our unresolved and active lists are not empty here, so compare their items with the full lists' items.
        StatuspageShape.assertSameShape("incidents/unresolved", StatuspageShape.sample("incidents"),
                rename(document("incidents/unresolved"), "incidents"));
        StatuspageShape.assertSameShape("scheduled-maintenances/active", StatuspageShape.sample("scheduled-maintenances"),
                rename(document("scheduled-maintenances/active"), "scheduled_maintenances"));
        StatuspageShape.assertSameShape("scheduled-maintenances/upcoming",
                StatuspageShape.sample("scheduled-maintenances"),
                rename(document("scheduled-maintenances/upcoming"), "scheduled_maintenances"));
    }

    @Test
    void theShapeCheckNoticesAMissingFieldOrAWrongType() throws Exception {
        JsonNode incidents = document("incidents");
        tools.jackson.databind.node.ObjectNode missing = (tools.jackson.databind.node.ObjectNode) incidents.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) missing.get("incidents").get(0)).remove("shortlink");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatuspageShape.assertSameShape("incidents",
                StatuspageShape.sample("incidents"), missing)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("shortlink");
        tools.jackson.databind.node.ObjectNode wrongType = (tools.jackson.databind.node.ObjectNode) incidents.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) wrongType.get("incidents").get(0)).put("page_id", 7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatuspageShape.assertSameShape("incidents",
                StatuspageShape.sample("incidents"), wrongType)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("page_id");
    }

    @Test
    void statusReflectsComponentsAndIncidents() throws Exception {
        JsonNode summary = document("summary");
        assertThat(summary.get("status").get("indicator").asString()).isIn("minor", "major", "critical");
        assertThat(summary.get("incidents")).allSatisfy(i ->
                assertThat(i.get("status").asString()).isIn("investigating", "identified", "monitoring"));
        JsonNode topUp = find(summary.get("components"), "top-up");
        assertThat(topUp.get("status").asString()).isEqualTo("degraded_performance");
        assertThat(topUp.get("group_id").asString()).isEqualTo("wallet");
        assertThat(find(summary.get("components"), "wallet").get("group").asBoolean()).isTrue();
        assertThat(summary.get("page").get("time_zone").asString()).isEqualTo("Asia/Jakarta");
        assertThat(summary.get("page").get("updated_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+07:00");
    }

    @Test
    void namesFollowTheRequestedLanguage() {
        StatusSnapshot snapshot = snapshots.current().snapshot();
        JsonNode zh = documents.document("components", snapshot, Locale.SIMPLIFIED_CHINESE);
        assertThat(find(zh.get("components"), "top-up").get("name").asString()).isEqualTo("充值");
        JsonNode id = documents.document("status", snapshot, Locale.forLanguageTag("id"));
        assertThat(id.get("status").get("description").asString()).isNotBlank().doesNotContain("status.");
    }

    @Test
    void anonymousClientsReadTheApi() {
        ApiClient.Response response = new ApiClient(port).get("/api/v2/summary.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    private JsonNode document(String endpoint) throws Exception {
        return StatuspageShape.JSON.readTree(mvc.perform(get("/api/v2/" + endpoint + ".json")
                        .with(user("1").roles("CUSTOMER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode rename(JsonNode document, String field) {
        assertThat(document.get(field)).as(field).isNotEmpty();
        return document;
    }

    private static JsonNode find(JsonNode components, String id) {
        for (JsonNode component : components) {
            if (component.get("id").asString().equals(id)) {
                return component;
            }
        }
        throw new AssertionError("No component " + id);
    }

    private static void assertValuesAreStatuspages(JsonNode document) {
        if (document.has("status")) {
            assertThat(document.get("status").get("indicator").asString()).isIn(INDICATORS);
        }
        List<JsonNode> components = new ArrayList<>();
        document.path("components").forEach(components::add);
        document.path("incidents").forEach(i -> {
            assertThat(i.get("status").asString()).isIn(INCIDENT_STATUSES);
            assertThat(i.get("impact").asString()).isIn(IMPACTS);
            i.get("components").forEach(components::add);
            i.get("incident_updates").forEach(u -> {
                assertThat(u.get("status").asString()).isIn(INCIDENT_STATUSES);
                u.path("affected_components").forEach(a -> {
                    assertThat(a.get("old_status").asString()).isIn(COMPONENT_STATUSES);
                    assertThat(a.get("new_status").asString()).isIn(COMPONENT_STATUSES);
                });
            });
        });
        document.path("scheduled_maintenances").forEach(m -> {
            assertThat(m.get("status").asString()).isIn(MAINTENANCE_STATUSES);
            assertThat(m.get("impact").asString()).isIn(IMPACTS);
            m.get("components").forEach(components::add);
            m.get("incident_updates").forEach(u -> assertThat(u.get("status").asString()).isIn(MAINTENANCE_STATUSES));
        });
        components.forEach(c -> assertThat(c.get("status").asString()).isIn(COMPONENT_STATUSES));
    }
}
