package io.walletdesk.status.internal;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import io.walletdesk.status.internal.StatusAdmin.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervisors publish incidents and maintenances and set component statuses; every change is audited. */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class StaffStatusController {

    private final StatusAdmin admin;
    private final StatusReader reader;
    private final StatusViews views;
    private final HealthProbes probes;

    StaffStatusController(StatusAdmin admin, StatusReader reader, StatusViews views, HealthProbes probes) {
        this.admin = admin;
        this.reader = reader;
        this.views = views;
        this.probes = probes;
    }

    /** A probe's definition and stored state, for the staff page. */
    record ProbeView(ProbeDefinition definition, HealthProbes.State state) {
    }

    @GetMapping("/staff/status")
    String dashboard(Model model, Locale locale) {
        StatusSnapshot snapshot = reader.read();
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("components", snapshot.components().stream()
                .map(c -> new StatusViews.Choice(c.code(), c.name().in(locale))).toList());
        model.addAttribute("componentStatus", snapshot.components().stream()
                .collect(Collectors.toMap(c -> c.code(), c -> c.status().api())));
        model.addAttribute("open", snapshot.incidents().stream().filter(StatusSnapshot.Incident::open)
                .map(i -> views.incident(i, snapshot, locale)).toList());
        model.addAttribute("statuses", Arrays.stream(ComponentStatus.values()).map(ComponentStatus::api).toList());
        model.addAttribute("impacts", Arrays.stream(Impact.values()).filter(i -> i != Impact.MAINTENANCE)
                .map(Impact::api).toList());
        model.addAttribute("incidentStatuses", IncidentStatus.of(IncidentKind.INCIDENT).stream()
                .filter(IncidentStatus::open).map(IncidentStatus::api).toList());
        model.addAttribute("probes", probes.definitions().stream()
                .map(p -> new ProbeView(p, probes.state(p.name()).orElse(null))).toList());
        return "status/staff";
    }

    @PostMapping("/staff/status/components/{code}")
    String setComponent(@PathVariable String code, @RequestParam String status, Authentication user,
            HttpServletRequest request, RedirectAttributes redirect) {
        admin.setComponentStatus(code, parse(() -> ComponentStatus.fromApi(status)), actor(user, request));
        redirect.addFlashAttribute("notice", "status.staff.saved");
        return "redirect:/staff/status";
    }

    @PostMapping("/staff/status/incidents")
    String openIncident(@RequestParam Map<String, String> form,
            @RequestParam(name = "components", required = false) List<String> components, Authentication user,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            ComponentStatus componentStatus = parse(() -> ComponentStatus.fromApi(form.getOrDefault("componentStatus",
                    "major_outage")));
            Map<String, ComponentStatus> affected = new LinkedHashMap<>();
            (components == null ? List.<String>of() : components).forEach(c -> affected.put(c, componentStatus));
            String id = admin.openIncident(new StatusAdmin.NewIncident(texts(form, "name"),
                    parse(() -> Impact.fromApi(form.getOrDefault("impact", "minor"))),
                    parse(() -> IncidentStatus.fromApi(form.getOrDefault("status", "investigating"))),
                    texts(form, "body"), affected, form.containsKey("notify")), actor(user, request), null);
            redirect.addFlashAttribute("notice", "status.staff.saved");
            return "redirect:/staff/status/incidents/" + id;
        } catch (ProblemException problem) {
            model.addAttribute("incidentForm", form);
            return failed(problem, response, model, locale);
        }
    }

    @PostMapping("/staff/status/maintenances")
    String scheduleMaintenance(@RequestParam Map<String, String> form,
            @RequestParam(name = "components", required = false) List<String> components, Authentication user,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            String id = admin.scheduleMaintenance(new StatusAdmin.NewMaintenance(texts(form, "name"), texts(form, "body"),
                    localTime(form.get("from")), localTime(form.get("until")),
                    components == null ? List.of() : components, form.containsKey("notify")), actor(user, request));
            redirect.addFlashAttribute("notice", "status.staff.saved");
            return "redirect:/staff/status/incidents/" + id;
        } catch (ProblemException problem) {
            model.addAttribute("maintenanceForm", form);
            return failed(problem, response, model, locale);
        }
    }

    @GetMapping("/staff/status/incidents/{id}")
    String incident(@PathVariable String id, Model model, Locale locale) {
        StatusSnapshot snapshot = reader.read();
        StatusSnapshot.Incident incident = reader.incident(id, snapshot.components())
                .orElseThrow(() -> new ProblemException("status-not-found", FailureKind.NOT_FOUND));
        model.addAttribute("incident", views.incident(incident, snapshot, locale));
        model.addAttribute("statuses", IncidentStatus.of(incident.kind()).stream().map(IncidentStatus::api).toList());
        model.addAttribute("componentStatuses", Arrays.stream(ComponentStatus.values()).map(ComponentStatus::api).toList());
        return "status/staff-incident";
    }

    @PostMapping("/staff/status/incidents/{id}/updates")
    String addUpdate(@PathVariable String id, @RequestParam Map<String, String> form, Authentication user,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            Map<String, ComponentStatus> changes = new LinkedHashMap<>();
            String componentStatus = form.get("componentStatus");
            if (componentStatus != null && !componentStatus.isBlank()) {
                ComponentStatus status = parse(() -> ComponentStatus.fromApi(componentStatus));
                admin.linkedComponents(admin.row(id).id()).forEach(c -> changes.put(c, status));
            }
            admin.addUpdate(id, new StatusAdmin.NewUpdate(parse(() -> IncidentStatus.fromApi(form.get("status"))),
                    texts(form, "body"), changes, form.containsKey("notify")), actor(user, request));
            redirect.addFlashAttribute("notice", "status.staff.saved");
            return "redirect:/staff/status/incidents/" + id;
        } catch (ProblemException problem) {
            if (HttpFailures.status(problem) == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            response.setStatus(HttpFailures.status(problem).value());
            problem(problem, model);
            model.addAttribute("form", form);
            return incident(id, model, locale);
        }
    }

    private String failed(ProblemException problem, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(HttpFailures.status(problem).value());
        problem(problem, model);
        return dashboard(model, locale);
    }

    /** The problem's detail with its arguments (e.g. which language is missing) and the field it names. */
    private static void problem(ProblemException problem, Model model) {
        model.addAttribute("error", "problem." + problem.code() + ".detail");
        model.addAttribute("errorArgs", problem.args());
        model.addAttribute("errorField", problem.field());
    }

    private static Texts texts(Map<String, String> form, String field) {
        return new Texts(Texts.blankToNull(form.get(field + "_en")), Texts.blankToNull(form.get(field + "_zh")),
                Texts.blankToNull(form.get(field + "_id")));
    }

    private Instant localTime(String value) {
        try {
            return LocalDateTime.parse(value).atZone(views.zone()).toInstant();
        } catch (DateTimeParseException | NullPointerException invalid) {
            throw ProblemException.forField("status-maintenance-window", FailureKind.INVALID, "from");
        }
    }

    private static <T> T parse(Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new ProblemException("status-invalid-status", FailureKind.INVALID, "?");
        }
    }

    /** The signed-in staff member: the principal's name is the user id; the role is the highest one held. */
    static Actor actor(Authentication user, HttpServletRequest request) {
        Long userId = null;
        if (user != null && user.getName() != null && user.getName().matches("\\d{1,18}")) {
            userId = Long.parseLong(user.getName());
        }
        List<String> roles = user == null ? List.of() : user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
        String role = roles.contains("ROLE_ADMIN") ? "ADMIN" : roles.contains("ROLE_SUPERVISOR") ? "SUPERVISOR" : "AGENT";
        return new Actor(userId, role, ClientInfo.from(request));
    }
}
