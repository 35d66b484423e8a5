package io.walletdesk.shared.failure;

import java.util.Map;

/**
 * A failure a user can understand and act on. {@code code} is stable: it becomes the problem type
 * ({@code /problems/{code}}) on the API and selects the translated message {@code problem.{code}.title}
 * and {@code problem.{code}.detail} (with {@code args}) on pages and in problem+json. {@code kind} says what
 * sort of failure it is; the web edge maps it to an HTTP status, so the domain does not speak HTTP.
 */
public class ProblemException extends RuntimeException {

    private final String code;
    private final FailureKind kind;
    private final String field;
    private final Object[] args;
    private final Map<String, Object> properties;

    public ProblemException(String code, FailureKind kind, String field, Object[] args, Map<String, Object> properties) {
        super(code);
        this.code = code;
        this.kind = kind;
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public ProblemException(String code, FailureKind kind, Object... args) {
        this(code, kind, null, args, null);
    }

    public static ProblemException forField(String code, FailureKind kind, String field, Object... args) {
        return new ProblemException(code, kind, field, args, null);
    }

    public String code() {
        return code;
    }

    public FailureKind kind() {
        return kind;
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
