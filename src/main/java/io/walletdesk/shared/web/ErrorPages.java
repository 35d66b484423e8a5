package io.walletdesk.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}): failures outside the controllers (filters, the session store,
 * {@code sendError}) and a direct visit. problem+json for the API, the translated error page for people; the
 * status is always a real one (a direct visit used to answer 999).
 */
@Controller
class ErrorPages implements ErrorController {

    /** A {@link WebFailure} a filter put on the request before calling {@code sendError}. */
    static final String FAILURE_ATTRIBUTE = ErrorPages.class.getName() + ".FAILURE";

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Problems problems;
    private final ErrorAttributes errors;
    private final LayoutModel layout;

    ErrorPages(Problems problems, ErrorAttributes errors, LayoutModel layout) {
        this.problems = problems;
        this.errors = errors;
        this.layout = layout;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        String path = originalPath(request);
        WebFailure failure = failure(request, path);
        response.setStatus(failure.status().value());
        if (failure.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()));
        }
        if (wantsProblem(request, path)) {
            problems.write(request, response, problems.build(failure, locale, path));
            return null;
        }
        return PageProblemHandler.page(problems, layout, failure, request, locale);
    }

    private WebFailure failure(HttpServletRequest request, String path) {
        if (request.getAttribute(FAILURE_ATTRIBUTE) instanceof WebFailure failure) {
            return failure;
        }
        Throwable exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t
                : errors.getError(new ServletWebRequest(request));
        while (exception instanceof ServletException && exception.getCause() != null) {
            exception = exception.getCause();
        }
        if (exception != null) {
            WebFailure failure = WebFailure.classify(exception);
            if (failure.isServerFault()) {
                log.error("Unexpected failure on {} {}", request.getMethod(), path, exception);
            }
            return failure;
        }
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return WebFailure.of("not-found", HttpStatus.NOT_FOUND); // someone opened /error itself
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return WebFailure.of("internal", HttpStatus.INTERNAL_SERVER_ERROR);
        }
        return switch (known) {
            case BAD_REQUEST -> WebFailure.of("bad-request", known);
            case UNAUTHORIZED -> WebFailure.of("unauthenticated", known);
            case FORBIDDEN -> WebFailure.of("forbidden", known);
            case NOT_FOUND -> WebFailure.of("not-found", known);
            case METHOD_NOT_ALLOWED -> WebFailure.of("method-not-allowed", known);
            case NOT_ACCEPTABLE -> WebFailure.of("not-acceptable", known);
            case REQUEST_TIMEOUT -> WebFailure.of("request-timeout", known);
            case PAYLOAD_TOO_LARGE -> WebFailure.of("request-too-large", known);
            case UNSUPPORTED_MEDIA_TYPE -> WebFailure.of("unsupported-media-type", known);
            case SERVICE_UNAVAILABLE -> new WebFailure("service-busy", known, null, new Object[0],
                    WebFailure.BUSY_RETRY_SECONDS);
            default -> known.is4xxClientError() ? WebFailure.of("bad-request", known)
                    : WebFailure.of("internal", known.is5xxServerError() ? known : HttpStatus.INTERNAL_SERVER_ERROR);
        };
    }

    /** The address the client asked for, also while the error page is being rendered. */
    static String originalPath(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
    }

    /** problem+json for the API and for clients that ask for JSON rather than HTML. */
    static boolean wantsProblem(HttpServletRequest request, String path) {
        if (path.startsWith("/api/") || path.startsWith("/status/api/") || path.startsWith("/actuator/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        java.util.List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException unreadable) {
            return false;
        }
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                return false;
            }
            if (!type.isWildcardType() && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
                return true;
            }
        }
        return false;
    }
}
