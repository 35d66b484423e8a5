package io.walletdesk.ledger.internal;

import io.walletdesk.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * A wallet request body that is JSON but has a value of the wrong type (an amount as a string, a fraction, an
 * exponent) names the field, so the client sees what to fix. Runs before the general handler (order 0), which
 * answers the rest; scoped to the wallet API so other modules keep their behaviour.
 */
@RestControllerAdvice(assignableTypes = WalletApiController.class)
@Order(-1)
class WalletApiInputAdvice {

    private final Problems problems;
    private final MessageSource messages;

    WalletApiInputAdvice(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable, HttpServletRequest request,
            Locale locale) {
        String field = field(unreadable);
        ProblemDetail body;
        if (field == null) {
            body = problems.build("malformed-request", HttpStatus.BAD_REQUEST, locale);
        } else {
            body = problems.build("validation", HttpStatus.BAD_REQUEST, locale);
            String message = messages.getMessage("amount".equals(field) ? "validation.wholeRupiah" : "validation.missingOrInvalid",
                    null, locale);
            body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(body);
    }

    /** The property path of a value of the wrong type (e.g. {@code amount}), or null for JSON that is not readable. */
    private static String field(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String path = databind.getPath().stream().map(JacksonException.Reference::getPropertyName)
                        .filter(name -> name != null).collect(Collectors.joining("."));
                return path.isEmpty() ? null : path;
            }
        }
        return null;
    }
}
