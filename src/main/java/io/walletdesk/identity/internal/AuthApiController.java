package io.walletdesk.identity.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.identity.internal.ApiTokens.TokenPair;
import io.walletdesk.identity.internal.SignInHistory.Channel;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Registration and bearer tokens for the mobile app")
class AuthApiController {

    /** Our field names in RFC 6749's words, for problems about a form-encoded token request. */
    private static final Map<String, String> OAUTH_NAMES = Map.of("grantType", "grant_type", "identifier", "username",
            "refreshToken", "refresh_token");

    private final NewAccounts newAccounts;
    private final SignInService signIn;
    private final ApiTokens tokens;
    private final SignOut signOut;
    private final Validator validator;

    AuthApiController(NewAccounts newAccounts, SignInService signIn, ApiTokens tokens, SignOut signOut,
            Validator validator) {
        this.signOut = signOut;
        this.validator = validator;
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
     * recovery code). grantType "refresh_token": refreshToken. RFC 6749's names are accepted too (ADR 0018).
     */
    @Schema(description = "Also accepted with RFC 6749's names: grant_type, username (for identifier), refresh_token.")
    record TokenRequest(
            @JsonAlias("grant_type") @NotBlank @Pattern(regexp = "password|refresh_token") String grantType,
            @JsonAlias("username") @Size(max = 254) String identifier, @Size(max = 200) String password,
            @Size(max = 20) String otp, @JsonAlias("refresh_token") @Size(max = 200) String refreshToken) {
    }

    /** RFC 6749 section 4.3 and 6, form-encoded, as OAuth client libraries send it. */
    record OAuthTokenForm(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"password", "refresh_token"})
            String grant_type, String username, String password, String otp, String refresh_token) {
    }

    /**
     * Each value under our camelCase name and RFC 6749's (section 5.1) name, so the app and OAuth client
     * libraries both read it (ADR 0018).
     */
    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
            boolean supportOnly) {

        @JsonProperty("access_token")
        String oauthAccessToken() {
            return accessToken;
        }

        @JsonProperty("refresh_token")
        String oauthRefreshToken() {
            return refreshToken;
        }

        @JsonProperty("token_type")
        String oauthTokenType() {
            return tokenType;
        }

        @JsonProperty("expires_in")
        long oauthExpiresIn() {
            return expiresIn;
        }
    }

    @PostMapping("/register")
    @ApiResponse(responseCode = "202", description = "Received; sign in next")
    @ApiResponse(responseCode = "429", description = "Too many registrations from this address (Retry-After)")
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
    @Operation(summary = "Get an access token", description = """
            Access tokens live 15 minutes; refresh tokens rotate on use. JSON with our names or RFC 6749's, or an \
            RFC 6749 form (grant_type=password with username and password, or grant_type=refresh_token with \
            refresh_token); the answer carries both names.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TokenRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = OAuthTokenForm.class))})
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "Wrong credentials, or a second factor is needed (field otp)")
    @ApiResponse(responseCode = "429", description = "Too many tries: sign-in pauses (Retry-After)")
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

    /** The same grant as an RFC 6749 form; documented with the JSON operation above. */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(hidden = true)
    TokenResponse tokenForm(@RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(required = false) String username, @RequestParam(required = false) String password,
            @RequestParam(required = false) String otp,
            @RequestParam(name = "refresh_token", required = false) String refreshToken, HttpServletRequest request) {
        TokenRequest body = new TokenRequest(grantType, username, password, otp, refreshToken);
        validator.validate(body).stream().findFirst().ifPresent(invalid -> {
            throw ProblemException.forField("validation", FailureKind.INVALID,
                    OAUTH_NAMES.getOrDefault(invalid.getPropertyPath().toString(), invalid.getPropertyPath().toString()));
        });
        return token(body, request);
    }

    @PostMapping("/revoke")
    @ApiResponse(responseCode = "204", description = "Signed out")
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
