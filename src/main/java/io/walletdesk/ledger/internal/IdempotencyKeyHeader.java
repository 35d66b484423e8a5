package io.walletdesk.ledger.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Idempotency-Key} header of a money-moving call, as documented in {@code /v3/api-docs}: required
 * (checked by {@link Idempotency#requireKey}, which answers a problem naming the header rather than Spring's
 * missing-header failure, hence {@code required = false} on the binding itself).
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = true, description = """
        Unique per request (1 to 100 of A-Z a-z 0-9 _ . : -). Reuse it only to retry: the retry answers the \
        original transaction (200, Idempotent-Replayed: true); the same key with another request is a 409.""",
        schema = @Schema(type = "string", pattern = "^[A-Za-z0-9_.:\\-]{1,100}$", example = "3f1c2a9e-transfer-1"))
@interface IdempotencyKeyHeader {
}
