package io.walletdesk.shared.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure a user can understand and act on. {@code code} is stable: it becomes the problem type
 * ({@code /problems/{code}}) on the API and selects the translated message {@code problem.{code}.title}
 * and {@code problem.{code}.detail} (with {@code args}) on pages and in problem+json.
 */
public class ProblemException extends RuntimeException {

    private final String code;
    private final HttpStatus status;
    private final String field;
    private final Object[] args;
    private final Map<String, Object> properties;

    public ProblemException(String code, HttpStatus status, String field, Object[] args, Map<String, Object> properties) {
        super(code);
        this.code = code;
        this.status = status;
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public ProblemException(String code, HttpStatus status, Object... args) {
        this(code, status, null, args, null);
    }

    public static ProblemException forField(String code, HttpStatus status, String field, Object... args) {
        return new ProblemException(code, status, field, args, null);
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Extra members of the problem document, e.g. {@code retryAfterSeconds}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
