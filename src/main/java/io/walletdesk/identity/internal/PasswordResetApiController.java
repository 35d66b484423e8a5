package io.walletdesk.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.shared.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The app's "forgot password" (ADR 0019): the same two steps as the page, as JSON. */
@RestController
@Tag(name = "Authentication")
class PasswordResetApiController {

    private final PasswordResets resets;

    PasswordResetApiController(PasswordResets resets) {
        this.resets = resets;
    }

    record ResetRequest(@NotBlank @Size(max = 254) String identifier) {
    }

    /** The same for every identifier, whether or not it has an account. */
    record ResetRequested(String ticket, String channel, Instant expiresAt, String next) {
    }

    record ResetCompletion(@NotBlank @Size(max = 200) String ticket, @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(max = 200) String newPassword, @Size(max = 20) String otp) {
    }

    @PostMapping("/api/v1/auth/password-reset")
    @Operation(summary = "Ask for a password reset code", description = """
            identifier is the phone number or e-mail of the account; the code goes there (SMS or e-mail). \
            Answers 202 with a ticket for the next step whether or not an account matches, so that it cannot be \
            used to find out who is a customer. Limited per client address and per identifier (429).""")
    ResponseEntity<ResetRequested> requestApi(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        PasswordResets.Requested requested = resets.request(body.identifier(), ClientInfo.from(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ResetRequested(requested.ticket(),
                requested.channel().name(), requested.expiresAt(), "enter-code"));
    }

    @PostMapping("/api/v1/auth/password-reset/complete")
    @Operation(summary = "Set a new password with the reset code", description = """
            ticket from the first step, the 6-digit code sent, the new password and, when two-step verification \
            is on, otp (TOTP or recovery code). Five wrong tries end the request. On success every session, app \
            token and chat token of the account ends; sign in again with the new password.""")
    ResponseEntity<Void> completeApi(@Valid @RequestBody ResetCompletion body, HttpServletRequest request) {
        resets.complete(body.ticket(), body.code(), body.newPassword(), body.otp(), ClientInfo.from(request));
        return ResponseEntity.noContent().build();
    }
}
