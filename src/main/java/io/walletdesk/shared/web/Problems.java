package io.walletdesk.shared.web;

import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents with a stable {@code type} ({@code /problems/{code}}) and a title and
 * detail translated into the caller's language.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail build(String code, HttpStatus status, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, status.getReasonPhrase(), locale));
        String detail = messages.getMessage("problem." + code + ".detail", args, null, locale);
        if (detail != null) {
            problem.setDetail(detail);
        }
        problem.setProperty("code", code);
        return problem;
    }

    public ProblemDetail build(ProblemException failure, Locale locale) {
        ProblemDetail problem = build(failure.code(), HttpFailures.status(failure), locale, failure.args());
        if (failure.field() != null) {
            problem.setProperty("field", failure.field());
        }
        failure.properties().forEach(problem::setProperty);
        return problem;
    }

    /** A classified failure: names the field (also as {@code errors}) and says when to retry. */
    ProblemDetail build(WebFailure failure, Locale locale, String instance) {
        ProblemDetail problem = build(failure.code(), failure.status(), locale, failure.args());
        if (failure.field() != null) {
            problem.setProperty("field", failure.field());
            String message = "validation".equals(failure.code())
                    ? messages.getMessage("validation.missingOrInvalid", null, locale)
                    : problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", failure.field(), "message", message)));
        }
        if (failure.retryAfterSeconds() != null) {
            problem.setProperty("retryAfterSeconds", failure.retryAfterSeconds());
        }
        problem.setInstance(instance(instance));
        return problem;
    }

    /** The instance member for a request path; null for a path that is no valid URI reference. */
    static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** Writes a built problem; status and headers are the caller's. */
    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public String title(String code, Locale locale) {
        return messages.getMessage("problem." + code + ".title", null, code, locale);
    }

    public String detail(String code, Locale locale, Object... args) {
        return messages.getMessage("problem." + code + ".detail", args, "", locale);
    }

    /** Writes a problem from places outside Spring MVC, such as security filters. */
    public void write(HttpServletRequest request, HttpServletResponse response, String code, HttpStatus status)
            throws IOException {
        write(request, response, code, status, new Object[0]);
    }

    /** As above, with arguments for the detail message. */
    public void write(HttpServletRequest request, HttpServletResponse response, String code, HttpStatus status,
            Object... args) throws IOException {
        Locale locale = RequestContextUtils.getLocaleResolver(request) != null
                ? RequestContextUtils.getLocaleResolver(request).resolveLocale(request)
                : LocaleContextHolder.getLocale();
        ProblemDetail problem = build(code, status, locale, args);
        problem.setInstance(instance(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
