package io.walletdesk.status.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atlassian Statuspage's public API v2, so existing widgets and tools can read our status. Public, readable
 * from any origin (no credentials), briefly cacheable; while the database is down it serves the last known
 * state with {@code X-Status-Stale: true} and its age in seconds in {@code Age}.
 */
@RestController
class StatuspageApiController {

    private static final String PREFIX = "/api/v2/";

    private final StatusSnapshots snapshots;
    private final StatuspageDocuments documents;

    StatuspageApiController(StatusSnapshots snapshots, StatuspageDocuments documents) {
        this.snapshots = snapshots;
        this.documents = documents;
    }

    @GetMapping({"/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
            "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json"})
    ResponseEntity<String> document(HttpServletRequest request, Locale locale) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String endpoint = path.substring(path.indexOf(PREFIX) + PREFIX.length(), path.length() - ".json".length());
        StatusSnapshots.Current current = snapshots.current();
        var response = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic())
                .header("Access-Control-Allow-Origin", "*");
        if (current.stale()) {
            response.header("X-Status-Stale", "true").header("Age", Long.toString(current.age().toSeconds()));
        }
        return response.body(documents.json(documents.document(endpoint, current.snapshot(), locale)));
    }
}
