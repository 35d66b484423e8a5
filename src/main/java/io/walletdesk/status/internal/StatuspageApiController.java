package io.walletdesk.status.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atlassian Statuspage's public API v2, so existing widgets and tools can read our status. Public, readable
 * from any origin (no credentials, CORS preflight answered), briefly cacheable per language; while the database
 * is down it serves the last known state with {@code X-Status-Stale: true} and its age in seconds in {@code Age}.
 * Also under {@code /status/api/v2/}: Statuspage's widget asks the page's own address, which is {@code /status}.
 */
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.GET, maxAge = 86400)
@Tag(name = "Service status (Statuspage v2)", description = """
        Atlassian Statuspage's public API v2, field for field: components, incidents and scheduled maintenance \
        for status widgets and monitors. Texts follow Accept-Language.""")
class StatuspageApiController {

    private static final String PREFIX = "/api/v2/";

    private final StatusSnapshots snapshots;
    private final StatuspageDocuments documents;

    StatuspageApiController(StatusSnapshots snapshots, StatuspageDocuments documents) {
        this.snapshots = snapshots;
        this.documents = documents;
    }

    /** Summaries and schemas per document: {@link StatuspageContract}. */
    @GetMapping(path = {"/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
            "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json",
            "/status/api/v2/summary.json", "/status/api/v2/status.json", "/status/api/v2/components.json",
            "/status/api/v2/incidents.json", "/status/api/v2/incidents/unresolved.json",
            "/status/api/v2/scheduled-maintenances.json", "/status/api/v2/scheduled-maintenances/upcoming.json",
            "/status/api/v2/scheduled-maintenances/active.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> document(HttpServletRequest request, Locale locale) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String endpoint = path.substring(path.indexOf(PREFIX) + PREFIX.length(), path.length() - ".json".length());
        StatusSnapshots.Current current = snapshots.current();
        var response = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE);
        if (request.getHeader(HttpHeaders.ORIGIN) == null) {
            // Browsers' cross-origin requests get it from the CORS handling above; others too, as from Statuspage.
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        if (current.stale()) {
            response.header("X-Status-Stale", "true").header("Age", Long.toString(current.age().toSeconds()));
        }
        return response.body(documents.json(documents.document(endpoint, current.snapshot(), locale)));
    }
}
