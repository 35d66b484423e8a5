package io.walletdesk.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.identity.internal.ApiTokens.TokenPair;
import io.walletdesk.identity.internal.SignInHistory.Channel;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Registration and bearer tokens for the mobile app")
class AuthApiController {

    private final NewAccounts newAccounts;
    private final SignInService signIn;
    private final ApiTokens tokens;
    private final SignOut signOut;

    AuthApiController(NewAccounts newAccounts, SignInService signIn, ApiTokens tokens, SignOut signOut) {
        this.signOut = signOut;
        this.newAccounts = newAccounts;
        this.signIn = signIn;
        this.tokens = tokens;
    }

    record RegisterRequest(@NotBlank @Size(max = 30) String phone, @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String name, @Size(max = 10) String language,
            @NotBlank @Size(max = 200) String password) {
    }

    /** The same answer whether or not the phone or e-mail already had an account (ADR 0012). */
    record Registered(String next) {
    }

    /**
     * grantType "password": identifier (phone or e-mail), password and, when 2FA is on, otp (TOTP or
     * recovery code). grantType "refresh_token": refreshToken.
     */
    record TokenRequest(@NotBlank @Pattern(regexp = "password|refresh_token") String grantType,
            @Size(max = 254) String identifier, @Size(max = 200) String password, @Size(max = 20) String otp,
            @Size(max = 200) String refreshToken) {
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
            boolean supportOnly) {
    }

    @PostMapping("/register")
    @Operation(summary = "Register a customer", description = """
            Phone numbers are normalised to E.164 (0812... becomes +62812...). Answers 202 with next "sign-in" \
            whether or not the phone or e-mail already has an account (its owner then gets a message instead), \
            so that registration cannot be used to find out who is a customer. Then get a token.""")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        newAccounts.attempt(new NewAccounts.RegisterCustomer(body.phone(), body.email(), body.name(),
                body.language(), body.password()), ClientInfo.from(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Registered("sign-in"));
    }

    @PostMapping("/token")
    @Operation(summary = "Get an access token", description = "Access tokens live 15 minutes; refresh tokens rotate on use.")
    TokenResponse token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        if ("refresh_token".equals(body.grantType())) {
            TokenPair pair = tokens.refresh(body.refreshToken());
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn(), false);
        }
        ClientInfo client = ClientInfo.from(request);
        SignInOutcome outcome = signIn.withPassword(body.identifier(), body.password(), client, Channel.API);
        if (outcome instanceof SignInOutcome.SecondFactorRequired required) {
            if (body.otp() == null || body.otp().isBlank()) {
                throw ProblemException.forField("second-factor-required", FailureKind.UNAUTHENTICATED, "otp");
            }
            outcome = signIn.withSecondFactor(required.userId(), body.otp(), client, Channel.API);
        }
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            TokenPair pair = tokens.issue(signedIn.user().userId());
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn(),
                    signedIn.user().restricted());
        }
        if (outcome instanceof SignInOutcome.Rejected rejected) {
            throw rejection(rejected);
        }
        throw ProblemException.forField("second-factor-required", FailureKind.UNAUTHENTICATED, "otp");
    }

    @PostMapping("/revoke")
    @Operation(summary = "Sign this app out", description = "Revokes the presented access token and its refresh token.")
    ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization,
            @AuthenticationPrincipal SignedInUser me) {
        tokens.revoke(authorization.substring(Math.min(7, authorization.length())).trim());
        if (me != null) {
            signOut.signedOut(me.userId());
        }
        return ResponseEntity.noContent().build();
    }

    static ProblemException rejection(SignInOutcome.Rejected rejected) {
        FailureKind kind = switch (rejected.reason()) {
            case RATE_LIMITED, SIGN_IN_BLOCKED -> FailureKind.RATE_LIMITED;
            case STAFF_ACCOUNT_DISABLED -> FailureKind.FORBIDDEN;
            case INVALID_CREDENTIALS, INVALID_SECOND_FACTOR -> FailureKind.UNAUTHENTICATED;
        };
        long minutes = Math.max(1, (rejected.retryAfterSeconds() + 59) / 60);
        Map<String, Object> properties = rejected.retryAfterSeconds() > 0
                ? Map.of("retryAfterSeconds", rejected.retryAfterSeconds()) : Map.of();
        return new ProblemException(rejected.code(), kind, null, new Object[] {minutes}, properties);
    }
}
