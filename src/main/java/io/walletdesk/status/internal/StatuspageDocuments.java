package io.walletdesk.status.internal;

import io.walletdesk.status.internal.StatusSnapshot.Affected;
import io.walletdesk.status.internal.StatusSnapshot.Component;
import io.walletdesk.status.internal.StatusSnapshot.Group;
import io.walletdesk.status.internal.StatusSnapshot.Incident;
import io.walletdesk.status.internal.StatusSnapshot.Update;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents of Atlassian Statuspage's public API v2, field for field, built from a {@link StatusSnapshot}:
 * existing widgets and monitoring tools read them unchanged. Times carry the page's zone offset and
 * milliseconds, as Statuspage writes them; absent values are JSON null, never missing.
 */
@org.springframework.stereotype.Component
class StatuspageDocuments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StatusProperties properties;
    private final MessageSource messages;
    private final ZoneId zone;

    StatuspageDocuments(StatusProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
        this.zone = ZoneId.of(properties.timeZone());
    }

    /** The document of one endpoint, by its path after {@code /api/v2/} without {@code .json}. */
    ObjectNode document(String endpoint, StatusSnapshot snapshot, Locale locale) {
        ObjectNode root = NODES.objectNode();
        root.set("page", page(snapshot));
        switch (endpoint) {
            case "summary" -> {
                root.set("components", components(snapshot, locale));
                root.set("incidents", incidents(snapshot.unresolvedIncidents(), snapshot, locale, false));
                List<Incident> maintenances = new ArrayList<>(snapshot.activeMaintenances());
                maintenances.addAll(snapshot.upcomingMaintenances());
                root.set("scheduled_maintenances", incidents(maintenances, snapshot, locale, true));
                root.set("status", status(snapshot, locale));
            }
            case "status" -> root.set("status", status(snapshot, locale));
            case "components" -> root.set("components", components(snapshot, locale));
            case "incidents" -> root.set("incidents", incidents(snapshot.incidentsOnly(), snapshot, locale, false));
            case "incidents/unresolved" ->
                    root.set("incidents", incidents(snapshot.unresolvedIncidents(), snapshot, locale, false));
            case "scheduled-maintenances" ->
                    root.set("scheduled_maintenances", incidents(snapshot.maintenances(), snapshot, locale, true));
            case "scheduled-maintenances/upcoming" -> root.set("scheduled_maintenances",
                    incidents(snapshot.upcomingMaintenances(), snapshot, locale, true));
            case "scheduled-maintenances/active" -> root.set("scheduled_maintenances",
                    incidents(snapshot.activeMaintenances(), snapshot, locale, true));
            default -> throw new IllegalArgumentException("Unknown Statuspage endpoint " + endpoint);
        }
        return root;
    }

    String json(ObjectNode document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    private ObjectNode page(StatusSnapshot snapshot) {
        ObjectNode page = NODES.objectNode();
        page.put("id", properties.pageId());
        page.put("name", properties.pageName());
        page.put("url", base() + "/status");
        page.put("time_zone", properties.timeZone());
        page.put("updated_at", time(snapshot.updatedAt()));
        return page;
    }

    private ObjectNode status(StatusSnapshot snapshot, Locale locale) {
        ObjectNode status = NODES.objectNode();
        status.put("indicator", snapshot.indicator().api());
        status.put("description", messages.getMessage(snapshot.indicatorKey(), null, locale));
        return status;
    }

    /** Groups are components with {@code group: true} and the ids of their members, as in Statuspage. */
    private ArrayNode components(StatusSnapshot snapshot, Locale locale) {
        ArrayNode list = NODES.arrayNode();
        for (Group group : snapshot.groups()) {
            List<Component> members = snapshot.componentsOf(group);
            ObjectNode node = NODES.objectNode();
            node.put("id", group.code());
            node.put("name", group.name().in(locale));
            node.put("status", members.stream().map(Component::status)
                    .max(Comparator.comparingInt(ComponentStatus::severity))
                    .orElse(ComponentStatus.OPERATIONAL).api());
            node.put("created_at", time(group.createdAt()));
            node.put("updated_at", time(group.updatedAt()));
            node.put("position", group.position() * 100);
            node.putNull("description");
            node.put("showcase", false);
            node.putNull("start_date");
            node.putNull("group_id");
            node.put("page_id", properties.pageId());
            node.put("group", true);
            node.put("only_show_if_degraded", false);
            ArrayNode ids = node.putArray("components");
            members.forEach(m -> ids.add(m.code()));
            list.add(node);
        }
        for (Component component : snapshot.components()) {
            list.add(component(component, snapshot, locale));
        }
        return list;
    }

    private ObjectNode component(Component component, StatusSnapshot snapshot, Locale locale) {
        ObjectNode node = NODES.objectNode();
        node.put("id", component.code());
        node.put("name", component.name().in(locale));
        node.put("status", component.status().api());
        node.put("created_at", time(component.createdAt()));
        node.put("updated_at", time(component.updatedAt()));
        int groupPosition = component.groupCode() == null ? 0
                : snapshot.group(component.groupCode()).map(Group::position).orElse(0);
        node.put("position", groupPosition * 100 + component.position());
        String description = component.description() == null ? null : component.description().in(locale);
        if (description == null) {
            node.putNull("description");
        } else {
            node.put("description", description);
        }
        node.put("showcase", component.customerFacing());
        node.put("start_date", LocalDate.ofInstant(component.createdAt(), zone).toString());
        if (component.groupCode() == null) {
            node.putNull("group_id");
        } else {
            node.put("group_id", component.groupCode());
        }
        node.put("page_id", properties.pageId());
        node.put("group", false);
        node.put("only_show_if_degraded", false);
        return node;
    }

    private ArrayNode incidents(List<Incident> incidents, StatusSnapshot snapshot, Locale locale, boolean maintenance) {
        ArrayNode list = NODES.arrayNode();
        for (Incident incident : incidents) {
            ObjectNode node = NODES.objectNode();
            node.put("id", incident.publicId());
            node.put("name", incident.name().in(locale));
            node.put("status", incident.status().api());
            node.put("created_at", time(incident.createdAt()));
            node.put("updated_at", time(incident.updatedAt()));
            putTime(node, "monitoring_at", incident.monitoringAt());
            putTime(node, "resolved_at", incident.resolvedAt());
            node.put("impact", incident.impact().api());
            node.put("shortlink", base() + "/status/incidents/" + incident.publicId());
            putTime(node, "started_at", incident.startedAt() != null ? incident.startedAt()
                    : maintenance ? incident.scheduledFor() : incident.createdAt());
            node.put("page_id", properties.pageId());
            ArrayNode updates = node.putArray("incident_updates");
            for (Update update : incident.updates()) {
                updates.add(update(update, incident, snapshot, locale));
            }
            ArrayNode components = node.putArray("components");
            for (String code : incident.componentCodes()) {
                snapshot.component(code).ifPresent(c -> components.add(component(c, snapshot, locale)));
            }
            if (maintenance) {
                putTime(node, "scheduled_for", incident.scheduledFor());
                putTime(node, "scheduled_until", incident.scheduledUntil());
            }
            list.add(node);
        }
        return list;
    }

    private ObjectNode update(Update update, Incident incident, StatusSnapshot snapshot, Locale locale) {
        ObjectNode node = NODES.objectNode();
        node.put("id", update.publicId());
        node.put("status", update.status().api());
        node.put("body", update.body().in(locale));
        node.put("incident_id", incident.publicId());
        node.put("created_at", time(update.createdAt()));
        node.put("updated_at", time(update.createdAt()));
        node.put("display_at", time(update.displayAt()));
        if (update.affected().isEmpty()) {
            node.putNull("affected_components");
        } else {
            ArrayNode affected = node.putArray("affected_components");
            for (Affected change : update.affected()) {
                ObjectNode item = affected.addObject();
                item.put("code", change.code());
                item.put("name", snapshot.component(change.code()).map(c -> c.name().in(locale)).orElse(change.code()));
                item.put("old_status", change.oldStatus().api());
                item.put("new_status", change.newStatus().api());
            }
        }
        node.put("deliver_notifications", update.deliver());
        node.putNull("custom_tweet");
        node.putNull("tweet_id");
        return node;
    }

    private void putTime(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, time(value));
        }
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private String base() {
        String base = properties.pageUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
