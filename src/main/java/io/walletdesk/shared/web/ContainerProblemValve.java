package io.walletdesk.shared.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before any filter or handler sees them (an encoded NUL or control character in
 * the path). API clients still get problem+json for those, in English because no application code (and so no
 * language negotiation) ran; pages keep Tomcat's plain report without server details.
 */
public class ContainerProblemValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** RFC 9457 members, plus our stable code. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, String code) {
    }

    public ContainerProblemValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getCoyoteRequest().requestURI().toString();
        if (status < 400 || uri == null || !uri.startsWith("/api/") || response.isCommitted()) {
            super.report(request, response, throwable);
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            String code = status == 400 ? "malformed-request" : "bad-request";
            // TRACE is refused by Tomcat itself (allowTrace is off), with its Allow header.
            Problem problem = status == 405
                    ? new Problem("/problems/method-not-allowed", "Method not allowed", status, null, "method-not-allowed")
                    : new Problem("/problems/" + code, "Request not understood", status,
                            "The address of the request contains characters that are not allowed.", code);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response is already on its way: nothing more to tell it.
        }
    }
}
