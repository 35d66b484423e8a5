package io.walletdesk.status.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The Statuspage v2 documents in {@code /v3/api-docs}: {@link StatuspageDocuments} builds them as JSON trees, so
 * their schemas are written here, field for field (absent values are JSON null, never missing).
 */
@Component
class StatuspageContract implements OpenApiCustomizer {

    private static final String REF = "#/components/schemas/";

    /** A document: its path after /api/v2/ without .json, operation id, summary, members besides {@code page}. */
    private record Document(String endpoint, String operationId, String summary, List<String> members) {
    }

    private static final List<Document> DOCUMENTS = List.of(
            new Document("summary", "statuspageSummary",
                    "Page, components, unresolved incidents, maintenances and status",
                    List.of("components", "incidents", "scheduled_maintenances", "status")),
            new Document("status", "statuspageStatus", "The overall status indicator and its description",
                    List.of("status")),
            new Document("components", "statuspageComponents", "Every component and component group with its status",
                    List.of("components")),
            new Document("incidents", "statuspageIncidents", "Recent incidents, resolved ones included",
                    List.of("incidents")),
            new Document("incidents/unresolved", "statuspageUnresolvedIncidents", "Incidents not yet resolved",
                    List.of("incidents")),
            new Document("scheduled-maintenances", "statuspageScheduledMaintenances",
                    "Scheduled maintenances, past and future", List.of("scheduled_maintenances")),
            new Document("scheduled-maintenances/upcoming", "statuspageUpcomingMaintenances",
                    "Maintenances that have not started yet", List.of("scheduled_maintenances")),
            new Document("scheduled-maintenances/active", "statuspageActiveMaintenances", "Maintenances in progress",
                    List.of("scheduled_maintenances")));

    @Override
    public void customise(OpenAPI api) {
        var components = api.getComponents();
        components.addSchemas("StatuspagePage", object(Map.of(
                "id", string(false), "name", string(false), "url", string(false).format("uri"),
                "time_zone", string(false), "updated_at", time(false))));
        components.addSchemas("StatuspageStatus", object(Map.of(
                "indicator", enumeration(List.of("none", "minor", "major", "critical")),
                "description", string(false))));
        Map<String, Schema<?>> component = new java.util.LinkedHashMap<>();
        component.put("id", string(false));
        component.put("name", string(false));
        component.put("status", enumeration(List.of("operational", "degraded_performance", "partial_outage",
                "major_outage", "under_maintenance")));
        component.put("created_at", time(false));
        component.put("updated_at", time(false));
        component.put("position", type("integer", false));
        component.put("description", string(true));
        component.put("showcase", type("boolean", false));
        component.put("start_date", string(true).format("date"));
        component.put("group_id", string(true));
        component.put("page_id", string(false));
        component.put("group", type("boolean", false));
        component.put("only_show_if_degraded", type("boolean", false));
        Schema<Object> componentSchema = object(component);
        componentSchema.addProperty("components", array(string(false))
                .description("A group's members (groups only)."));
        components.addSchemas("StatuspageComponent", componentSchema);
        components.addSchemas("StatuspageAffectedComponent", object(Map.of("code", string(false),
                "name", string(false), "old_status", string(false), "new_status", string(false))));
        Map<String, Schema<?>> update = new java.util.LinkedHashMap<>();
        update.put("id", string(false));
        update.put("status", string(false));
        update.put("body", string(false));
        update.put("incident_id", string(false));
        update.put("created_at", time(false));
        update.put("updated_at", time(false));
        update.put("display_at", time(false));
        update.put("affected_components", nullable(array(ref("StatuspageAffectedComponent"))));
        update.put("deliver_notifications", type("boolean", false));
        update.put("custom_tweet", string(true));
        update.put("tweet_id", string(true));
        components.addSchemas("StatuspageIncidentUpdate", object(update));
        Map<String, Schema<?>> incident = new java.util.LinkedHashMap<>();
        incident.put("id", string(false));
        incident.put("name", string(false));
        incident.put("status", enumeration(List.of("investigating", "identified", "monitoring", "resolved",
                "postmortem", "scheduled", "in_progress", "verifying", "completed")));
        incident.put("created_at", time(false));
        incident.put("updated_at", time(false));
        incident.put("monitoring_at", time(true));
        incident.put("resolved_at", time(true));
        incident.put("impact", enumeration(List.of("none", "minor", "major", "critical", "maintenance")));
        incident.put("shortlink", string(false).format("uri"));
        incident.put("started_at", time(true));
        incident.put("page_id", string(false));
        incident.put("incident_updates", array(ref("StatuspageIncidentUpdate")));
        incident.put("components", array(ref("StatuspageComponent")));
        Schema<Object> incidentSchema = object(incident);
        incidentSchema.addProperty("scheduled_for", time(true).description("Maintenances only."));
        incidentSchema.addProperty("scheduled_until", time(true).description("Maintenances only."));
        components.addSchemas("StatuspageIncident", incidentSchema);

        Map<String, Schema<?>> members = Map.of(
                "status", ref("StatuspageStatus"),
                "components", array(ref("StatuspageComponent")),
                "incidents", array(ref("StatuspageIncident")),
                "scheduled_maintenances", array(ref("StatuspageIncident")));
        for (Document document : DOCUMENTS) {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get("/api/v2/" + document.endpoint() + ".json");
            Operation get = item == null ? null : item.getGet();
            if (get == null) {
                continue;
            }
            Map<String, Schema<?>> properties = new java.util.LinkedHashMap<>();
            properties.put("page", ref("StatuspagePage"));
            document.members().forEach(field -> properties.put(field, members.get(field)));
            get.operationId(document.operationId()).summary(document.summary());
            get.getResponses().addApiResponse("200", new ApiResponse()
                    .description("The document, in the language of Accept-Language.")
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType().schema(object(properties)))));
        }
    }

    private static Schema<Object> object(Map<String, Schema<?>> properties) {
        Schema<Object> schema = new Schema<>();
        schema.types(Set.of("object"));
        properties.forEach(schema::addProperty);
        schema.setRequired(new ArrayList<>(properties.keySet()));
        return schema;
    }

    private static Schema<Object> type(String type, boolean nullable) {
        Set<String> types = new LinkedHashSet<>(List.of(type));
        if (nullable) {
            types.add("null");
        }
        Schema<Object> schema = new Schema<>();
        schema.types(types);
        return schema;
    }

    private static Schema<Object> string(boolean nullable) {
        return type("string", nullable);
    }

    /** Times in the page's zone with milliseconds, as Statuspage writes them. */
    private static Schema<Object> time(boolean nullable) {
        Schema<Object> schema = string(nullable);
        schema.format("date-time");
        return schema;
    }

    private static Schema<Object> enumeration(List<String> values) {
        Schema<Object> schema = string(false);
        values.forEach(schema::addEnumItemObject);
        return schema;
    }

    private static Schema<Object> array(Schema<?> items) {
        Schema<Object> schema = new Schema<>();
        schema.types(Set.of("array"));
        schema.setItems(items);
        return schema;
    }

    private static Schema<Object> nullable(Schema<Object> schema) {
        Set<String> types = new LinkedHashSet<>(schema.getTypes());
        types.add("null");
        schema.types(types);
        return schema;
    }

    private static Schema<Object> ref(String name) {
        Schema<Object> schema = new Schema<>();
        schema.set$ref(REF + name);
        return schema;
    }
}
