package io.walletdesk.shared.web;

import io.walletdesk.shared.failure.ProblemException;
import java.sql.SQLTransientConnectionException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a failure means for the client, in one place for the API handler, the page handler and the error
 * endpoint: a stable problem code, a status, and the request field it is about. Anything a client can send
 * maps to a 4xx; only our own faults are a 500.
 */
record WebFailure(String code, HttpStatus status, String field, Object[] args, Long retryAfterSeconds) {

    /** How long a client should wait when the database has no connection to spare. */
    static final long BUSY_RETRY_SECONDS = 5;

    static WebFailure of(String code, HttpStatus status) {
        return new WebFailure(code, status, null, new Object[0], null);
    }

    static WebFailure of(String code, HttpStatus status, String field) {
        return new WebFailure(code, status, field, new Object[0], null);
    }

    boolean isServerFault() {
        return status.is5xxServerError() && !"service-busy".equals(code);
    }

    static WebFailure classify(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            Object retry = problem.properties().get("retryAfterSeconds");
            return new WebFailure(problem.code(), HttpFailures.status(problem), problem.field(), problem.args(),
                    retry instanceof Number n ? n.longValue() : null);
        }
        // Method security refuses inside the handler; Spring Security's 403 then reaches the error page with it.
        if (failure instanceof org.springframework.security.access.AccessDeniedException) {
            return of("forbidden", HttpStatus.FORBIDDEN);
        }
        if (failure instanceof org.springframework.security.core.AuthenticationException) {
            return of("unauthenticated", HttpStatus.UNAUTHORIZED);
        }
        if (failure instanceof MaxUploadSizeExceededException) {
            return new WebFailure("attachment-too-large", HttpStatus.PAYLOAD_TOO_LARGE, null, new Object[] {10}, null);
        }
        if (failure instanceof MultipartException || failure instanceof MissingServletRequestPartException) {
            String part = failure instanceof MissingServletRequestPartException missing ? missing.getRequestPartName() : null;
            return part == null ? of("malformed-upload", HttpStatus.BAD_REQUEST)
                    : of("validation", HttpStatus.BAD_REQUEST, part);
        }
        if (failure instanceof HttpMessageNotReadableException unreadable) {
            InvalidCharactersException nul = cause(unreadable, InvalidCharactersException.class);
            if (nul != null) {
                return of("invalid-characters", HttpStatus.BAD_REQUEST, nul.field());
            }
            return of("malformed-request", HttpStatus.BAD_REQUEST);
        }
        if (failure instanceof MethodArgumentTypeMismatchException mismatch) {
            return of("validation", HttpStatus.BAD_REQUEST, mismatch.getName());
        }
        if (failure instanceof MissingServletRequestParameterException missing) {
            return of("validation", HttpStatus.BAD_REQUEST, missing.getParameterName());
        }
        if (failure instanceof MissingRequestHeaderException missing) {
            return of("validation", HttpStatus.BAD_REQUEST, missing.getHeaderName());
        }
        if (failure instanceof MissingPathVariableException) {
            return of("not-found", HttpStatus.NOT_FOUND);
        }
        if (failure instanceof BindException invalid) {
            return of("validation", HttpStatus.BAD_REQUEST,
                    invalid.getFieldError() == null ? null : invalid.getFieldError().getField());
        }
        if (failure instanceof org.springframework.web.bind.ServletRequestBindingException) {
            return of("validation", HttpStatus.BAD_REQUEST);
        }
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return of("not-found", HttpStatus.NOT_FOUND);
        }
        if (failure instanceof HttpRequestMethodNotSupportedException) {
            return of("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED);
        }
        if (failure instanceof HttpMediaTypeNotSupportedException) {
            return of("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return of("not-acceptable", HttpStatus.NOT_ACCEPTABLE);
        }
        if (isConnectionShortage(failure) || failure instanceof AsyncRequestTimeoutException) {
            return new WebFailure("service-busy", HttpStatus.SERVICE_UNAVAILABLE, null, new Object[0],
                    BUSY_RETRY_SECONDS);
        }
        return of("internal", HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** As {@link #classify}, for a person: a page address like /wallet/transactions/abc names nothing that exists. */
    static WebFailure classifyForPage(Throwable failure) {
        if (failure instanceof MethodArgumentTypeMismatchException mismatch && isPathVariable(mismatch.getParameter())) {
            return of("not-found", HttpStatus.NOT_FOUND);
        }
        return classify(failure);
    }

    /** No database connection could be had in time: the pool is exhausted or the database is away. */
    static boolean isConnectionShortage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException && t.getCause() instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQLSTATE class 08: connection exception
            }
        }
        return false;
    }

    private static boolean isPathVariable(MethodParameter parameter) {
        return parameter != null && parameter.hasParameterAnnotation(PathVariable.class);
    }

    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
