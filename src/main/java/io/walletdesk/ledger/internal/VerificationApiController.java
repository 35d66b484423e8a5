package io.walletdesk.ledger.internal;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Identity verification on the API: the customer uploads, staff review. */
@RestController
@Tag(name = "Identity verification")
class VerificationApiController {

    private final IdentityVerifications verifications;

    VerificationApiController(IdentityVerifications verifications) {
        this.verifications = verifications;
    }

    @PostMapping(value = "/api/v1/wallet/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Received; waiting for review")
    @ResponseBody
    @Operation(summary = "Upload an ID photo and a selfie (JPEG or PNG) for identity verification")
    ResponseEntity<Map<String, Object>> uploadApi(@AuthenticationPrincipal SignedInUser me,
            @RequestParam(required = false) MultipartFile idPhoto, @RequestParam(required = false) MultipartFile selfie,
            HttpServletRequest request) throws IOException {
        long id = verifications.submit(me.userId(), VerificationController.bytes(idPhoto), VerificationController.bytes(selfie), ClientInfo.from(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "status", "PENDING"));
    }

    @GetMapping("/api/v1/wallet/verification")
    @ResponseBody
    @Operation(summary = "My latest identity verification")
    IdentityVerifications.Verification latest(@AuthenticationPrincipal SignedInUser me) {
        return verifications.latest(me.userId())
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    @GetMapping("/api/v1/staff/wallet/verifications")
    @ResponseBody
    @Operation(summary = "Identity verifications waiting for review")
    List<IdentityVerifications.Verification> pending() {
        return verifications.pending(100);
    }

    record Decision(boolean approve, String reason) {
    }

    @PostMapping("/api/v1/staff/wallet/verifications/{id}/decision")
    @ResponseBody
    @Operation(summary = "Approve (verify; lifts only a lock that asked for verification) or reject (reason: UNREADABLE, MISMATCH, EXPIRED_ID, NOT_AN_ID)")
    IdentityVerifications.Verification decideApi(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestBody Decision body, HttpServletRequest request) {
        return verifications.decide(id, me.userId(), me.role(), body.approve(), body.reason(),
                ClientInfo.from(request));
    }
}
