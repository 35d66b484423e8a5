package io.walletdesk.status.internal;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import io.walletdesk.status.internal.StatusSnapshot.Incident;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public status page, incident pages, the Atom feed and the subscription flow. Reading never needs the
 * database: while it is down the last known state is shown with its age.
 */
@Controller
class StatusPageController {

    private static final String DAY_BARS = StatusViews.dayBars();

    private final StatusSnapshots snapshots;
    private final StatusReader reader;
    private final StatusViews views;
    private final AtomFeed feed;
    private final Subscriptions subscriptions;

    StatusPageController(StatusSnapshots snapshots, StatusReader reader, StatusViews views, AtomFeed feed,
            Subscriptions subscriptions) {
        this.snapshots = snapshots;
        this.reader = reader;
        this.views = views;
        this.feed = feed;
        this.subscriptions = subscriptions;
    }

    @GetMapping({"/status", "/status/"})
    String page(Model model, Locale locale, HttpServletResponse response) {
        StatusSnapshots.Current current = snapshots.current();
        model.addAttribute("view", views.page(current, locale));
        model.addAttribute("dayBars", DAY_BARS);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return "status/page";
    }

    @GetMapping("/status/incidents/{id}")
    String incident(@PathVariable String id, Model model, Locale locale) {
        StatusSnapshots.Current current = snapshots.current();
        StatusSnapshot snapshot = current.snapshot();
        Incident incident = snapshot.incident(id).orElseGet(() -> {
            if (current.stale() || !id.matches("[a-z0-9]{1,16}")) {
                return null;
            }
            return reader.incident(id, snapshot.components()).orElse(null);
        });
        if (incident == null) {
            throw new ProblemException("status-not-found", FailureKind.NOT_FOUND);
        }
        model.addAttribute("incident", views.incident(incident, snapshot, locale));
        model.addAttribute("maintenance", incident.kind() == IncidentKind.MAINTENANCE);
        model.addAttribute("open", incident.open() && !current.stale());
        model.addAttribute("stale", current.stale());
        model.addAttribute("ageMinutes", current.ageMinutes());
        return "status/incident";
    }

    /**
     * The feed also at {@code /history.atom}, where Statuspage publishes it for a page at the site root. Feed
     * readers poll: the ETag and Last-Modified let them ask conditionally and get 304 (answered by Spring from
     * these headers). The body depends on the language, hence the ETag from the body and Vary.
     */
    @GetMapping({"/status/history.atom", "/history.atom"})
    ResponseEntity<String> atom(Locale locale) {
        StatusSnapshots.Current current = snapshots.current();
        List<Incident> incidents;
        try {
            incidents = current.stale() ? current.snapshot().incidents()
                    : reader.history(StatusReader.RECENT, current.snapshot().components());
        } catch (DataAccessException databaseDown) {
            incidents = current.snapshot().incidents();
        }
        Instant updated = incidents.stream().map(Incident::updatedAt).max(Comparator.naturalOrder())
                .orElse(current.snapshot().updatedAt());
        String body = feed.render(incidents, updated, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                .eTag("\"" + Digests.sha256(body).substring(0, 32) + "\"")
                .lastModified(updated)
                .body(body);
    }

    @PostMapping("/status/subscribe")
    String subscribe(@RequestParam(required = false) String email,
            @RequestParam(name = "components", required = false) List<String> components,
            @RequestParam(name = "incident", required = false) String incident, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            subscriptions.subscribe(email, components == null ? List.of() : components, incident, locale,
                    ClientInfo.from(request));
            model.addAttribute("messageKey", "status.subscribe.sent");
            model.addAttribute("ok", true);
        } catch (ProblemException problem) {
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("messageKey", "problem." + problem.code() + ".detail");
            model.addAttribute("ok", false);
        }
        return "status/message";
    }

    @GetMapping("/status/subscriptions/confirm")
    String confirmForm(@RequestParam(required = false) String token, Model model) {
        // A link scanner may open the link: only the button below confirms.
        model.addAttribute("token", token);
        model.addAttribute("action", "confirm");
        return "status/token";
    }

    @PostMapping("/status/subscriptions/confirm")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        boolean done = subscriptions.confirm(token);
        model.addAttribute("messageKey", done ? "status.subscribe.confirmed" : "status.subscribe.badToken");
        model.addAttribute("ok", done);
        if (!done) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "status/message";
    }

    @GetMapping("/status/subscriptions/unsubscribe")
    String unsubscribeForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("action", "unsubscribe");
        return "status/token";
    }

    /** Also the RFC 8058 one-click target ({@code List-Unsubscribe-Post}). */
    @PostMapping("/status/subscriptions/unsubscribe")
    String unsubscribe(@RequestParam(required = false) String token, Model model) {
        subscriptions.unsubscribe(token);
        // Same answer for unknown tokens: unsubscribing twice is not an error.
        model.addAttribute("messageKey", "status.subscribe.removed");
        model.addAttribute("ok", true);
        return "status/message";
    }
}
