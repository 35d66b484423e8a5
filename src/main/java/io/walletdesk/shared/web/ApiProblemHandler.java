package io.walletdesk.shared.web;

import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of a REST controller into translated problem+json; nothing leaks a stack trace. What a
 * failure means is decided by {@link WebFailure}, shared with the pages and the error endpoint.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final Problems problems;
    private final MessageSource messages;

    ApiProblemHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException failure, HttpServletRequest request, Locale locale) {
        ProblemDetail body = problems.build(failure, locale);
        if (failure.field() != null) {
            body.setProperty("errors", List.of(Map.of("field", failure.field(),
                    "message", body.getDetail() == null ? body.getTitle() : body.getDetail())));
        }
        var response = ResponseEntity.status(HttpFailures.status(failure)).contentType(Problems.PROBLEM_JSON);
        if (failure.properties().get("retryAfterSeconds") instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
        body.setInstance(Problems.instance(request.getRequestURI()));
        return response.body(body);
    }

    /** Every invalid field, each with its translated message. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException invalid, HttpServletRequest request, Locale locale) {
        ProblemDetail body = problems.build("validation", HttpStatus.BAD_REQUEST, locale);
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : invalid.getFieldErrors()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("field", error.getField());
            entry.put("message", messages.getMessage(error, locale));
            errors.add(entry);
        }
        body.setProperty("errors", errors);
        body.setInstance(Problems.instance(request.getRequestURI()));
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(body);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(Exception denied, HttpServletRequest request, Locale locale) {
        return respond(WebFailure.of("forbidden", HttpStatus.FORBIDDEN), request, locale);
    }

    /** Unreadable bodies, missing or mistyped parameters, unknown routes, no database connection, our own faults. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception failure, HttpServletRequest request, Locale locale) {
        WebFailure meaning = WebFailure.classify(failure);
        if (meaning.isServerFault()) {
            log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
        } else if (meaning.status().is5xxServerError()) {
            log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.toString());
        }
        return respond(meaning, request, locale);
    }

    private ResponseEntity<ProblemDetail> respond(WebFailure failure, HttpServletRequest request, Locale locale) {
        var response = ResponseEntity.status(failure.status()).contentType(Problems.PROBLEM_JSON);
        if (failure.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()));
        }
        return response.body(problems.build(failure, locale, request.getRequestURI()));
    }
}
