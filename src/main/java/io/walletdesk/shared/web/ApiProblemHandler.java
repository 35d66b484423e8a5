package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a REST controller into translated problem+json; nothing leaks a stack trace. */
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
        var response = ResponseEntity.status(failure.status()).contentType(Problems.PROBLEM_JSON);
        if (failure.properties().get("retryAfterSeconds") instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
        return response.body(withInstance(body, request));
    }

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
        return badRequest(body, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable, HttpServletRequest request,
            Locale locale) {
        return badRequest(problems.build("malformed-request", HttpStatus.BAD_REQUEST, locale), request);
    }

    @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> missing(Exception missing, HttpServletRequest request, Locale locale) {
        String field = null;
        if (missing instanceof MissingRequestHeaderException header) {
            field = header.getHeaderName();
        } else if (missing instanceof MissingServletRequestParameterException parameter) {
            field = parameter.getParameterName();
        } else if (missing instanceof MethodArgumentTypeMismatchException mismatch) {
            field = mismatch.getName();
        }
        ProblemDetail body = problems.build("validation", HttpStatus.BAD_REQUEST, locale);
        body.setProperty("errors", List.of(Map.of("field", String.valueOf(field),
                "message", messages.getMessage("validation.missingOrInvalid", null, locale))));
        return badRequest(body, request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(Exception denied, HttpServletRequest request, Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(Problems.PROBLEM_JSON)
                .body(withInstance(problems.build("forbidden", HttpStatus.FORBIDDEN, locale), request));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(Exception unsupported, HttpServletRequest request, Locale locale) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(Problems.PROBLEM_JSON)
                .body(withInstance(problems.build("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, locale), request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(Exception unsupported, HttpServletRequest request, Locale locale) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(Problems.PROBLEM_JSON)
                .body(withInstance(problems.build("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, locale),
                        request));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(Exception notFound, HttpServletRequest request, Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(Problems.PROBLEM_JSON)
                .body(withInstance(problems.build("not-found", HttpStatus.NOT_FOUND, locale), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request, Locale locale) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(Problems.PROBLEM_JSON)
                .body(withInstance(problems.build("internal", HttpStatus.INTERNAL_SERVER_ERROR, locale), request));
    }

    private static ResponseEntity<ProblemDetail> badRequest(ProblemDetail body, HttpServletRequest request) {
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(withInstance(body, request));
    }

    private static ProblemDetail withInstance(ProblemDetail body, HttpServletRequest request) {
        body.setInstance(URI.create(request.getRequestURI()));
        return body;
    }
}
