package io.walletdesk.identity.internal;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My account", description = "Profile, security, second factor, contact changes and notifications")
class MeApiController {

    private final ProfileService profiles;
    private final SignInHistory history;
    private final Notifications notifications;
    private final TwoFactor twoFactor;
    private final ContactChanges contactChanges;
    private final MessageSource messages;
    private final OtherSessions otherSessions;

    MeApiController(ProfileService profiles, SignInHistory history, Notifications notifications, TwoFactor twoFactor,
            ContactChanges contactChanges, MessageSource messages, OtherSessions otherSessions) {
        this.otherSessions = otherSessions;
        this.profiles = profiles;
        this.history = history;
        this.notifications = notifications;
        this.twoFactor = twoFactor;
        this.contactChanges = contactChanges;
        this.messages = messages;
    }

    record Me(long id, String role, String name, String phone, String email, String language, String timeZone,
            AccountStatus status, boolean supportOnly, StatusExplanation statusExplanation, boolean twoFactorEnabled) {
    }

    /** Why the account is locked and what to do, in the caller's language. */
    record StatusExplanation(String reasonCode, String reason, String whatToDo, Instant since) {
    }

    record ProfileUpdate(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 10) String language,
            @Size(max = 40) String timeZone) {
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    record Code(@NotBlank @Size(max = 20) String code) {
    }

    record DisableSecondFactor(@NotBlank String password, @NotBlank @Size(max = 20) String code) {
    }

    record Enrolment(String secret, String otpauthUri) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    record ContactChangeRequest(@NotNull ContactChanges.Kind kind, @NotBlank @Size(max = 254) String newValue,
            @NotBlank String password, @Size(max = 20) String otp) {
    }

    @GetMapping
    @Operation(summary = "Who am I", description = "Also answers for support-only sessions: the status says why and what to do.")
    Me me(@AuthenticationPrincipal SignedInUser me, Locale locale) {
        UserAccount user = profiles.get(me.userId());
        StatusExplanation explanation = user.lockReason() == null ? null
                : new StatusExplanation(user.lockReason().name(),
                        messages.getMessage("lock.reason." + user.lockReason().name(), null, locale),
                        messages.getMessage("lock.todo." + user.lockReason().name(), null, locale), user.lockedAt());
        return new Me(user.id(), user.role().name(), user.displayName(), user.phone(), user.email(), user.language().tag(),
                user.timeZone(), user.status(), me.restricted(), explanation, user.totpEnabled());
    }

    @PatchMapping
    @Operation(summary = "Change my name, e-mail or language")
    @ApiResponse(responseCode = "204", description = "Changed")
    ResponseEntity<Void> update(@AuthenticationPrincipal SignedInUser me, @Valid @RequestBody ProfileUpdate body) {
        profiles.updateProfile(me.userId(), body.name(), body.language(), body.timeZone());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sign-ins")
    @Operation(summary = "Sign-in history", description = "Newest first: time, address, device, OS, browser and result.")
    List<SignInHistory.SignInRecord> signIns(@AuthenticationPrincipal SignedInUser me) {
        return history.recent(me.userId(), 50);
    }

    @GetMapping("/devices")
    @Operation(summary = "Devices I signed in from")
    List<SignInHistory.KnownDevice> devices(@AuthenticationPrincipal SignedInUser me) {
        return history.devices(me.userId());
    }

    @GetMapping("/notifications")
    @Operation(summary = "My notifications")
    List<Notifications.Notification> notifications(@AuthenticationPrincipal SignedInUser me) {
        return notifications.recent(me.userId(), 50);
    }

    @PostMapping("/notifications/{id}/read")
    @Operation(summary = "Mark a notification read")
    @ApiResponse(responseCode = "204", description = "Marked")
    ResponseEntity<Void> read(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        if (!notifications.markRead(me.userId(), id)) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password")
    @Operation(summary = "Change my password")
    @ApiResponse(responseCode = "204", description = "Changed; other sessions are signed out")
    ResponseEntity<Void> password(@AuthenticationPrincipal SignedInUser me, @Valid @RequestBody PasswordChange body,
            HttpServletRequest request) {
        profiles.changePassword(me.userId(), body.currentPassword(), body.newPassword(), ClientInfo.from(request));
        otherSessions.end(me.userId(), request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/2fa/setup")
    @Operation(summary = "Start TOTP enrolment", description = "Returns the secret and otpauth:// URI for an authenticator app.")
    Enrolment setup(@AuthenticationPrincipal SignedInUser me) {
        var enrolment = twoFactor.start(me.userId());
        return new Enrolment(enrolment.secret(), enrolment.otpauthUri());
    }

    @PostMapping("/2fa/enable")
    @Operation(summary = "Confirm TOTP with a first code", description = "Returns ten one-time recovery codes, shown once.")
    RecoveryCodes enable(@AuthenticationPrincipal SignedInUser me, @Valid @RequestBody Code body,
            HttpServletRequest request) {
        return new RecoveryCodes(twoFactor.enable(me.userId(), body.code(), ClientInfo.from(request)));
    }

    @PostMapping("/2fa/disable")
    @Operation(summary = "Switch TOTP off")
    @ApiResponse(responseCode = "204", description = "Switched off")
    ResponseEntity<Void> disable(@AuthenticationPrincipal SignedInUser me, @Valid @RequestBody DisableSecondFactor body,
            HttpServletRequest request) {
        twoFactor.disable(me.userId(), body.password(), body.code(), ClientInfo.from(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/contact-changes")
    @ApiResponse(responseCode = "201", description = "Started; a code went to the new contact")
    @Operation(summary = "Start a phone or e-mail change", description = "Needs the password (and TOTP when on); a code goes to the new contact.")
    ResponseEntity<ContactChanges.Started> startContactChange(@AuthenticationPrincipal SignedInUser me,
            @Valid @RequestBody ContactChangeRequest body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(contactChanges.start(me.userId(), body.kind(),
                body.newValue(), body.password(), body.otp(), ClientInfo.from(request)));
    }

    @PostMapping("/contact-changes/{id}/confirm")
    @Operation(summary = "Confirm a contact change with its code")
    @ApiResponse(responseCode = "204", description = "Changed")
    ResponseEntity<Void> confirmContactChange(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @RequestBody Code body, HttpServletRequest request) {
        contactChanges.confirm(me.userId(), id, body.code(), ClientInfo.from(request));
        return ResponseEntity.noContent().build();
    }
}
