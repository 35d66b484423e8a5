package io.walletdesk.ledger.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff review identity verifications: see the photos, approve (verify; lift a lock that asked for it) or reject with a reason. */
@Controller
@Tag(name = "Wallet (staff)")
class StaffVerificationController {

    private final IdentityVerifications verifications;

    StaffVerificationController(IdentityVerifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/staff/wallet/verifications")
    String page(Model model) {
        model.addAttribute("pending", verifications.pending(50));
        model.addAttribute("reasons", IdentityVerifications.REJECTION_REASONS.stream().sorted().toList());
        return "wallet/staff-verifications";
    }

    @PostMapping("/staff/wallet/verifications/{id:\\d{1,18}}")
    String decide(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String decision,
            @RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
        verifications.decide(id, me.userId(), me.role(), "approve".equals(decision), reason, ClientInfo.from(request));
        redirect.addFlashAttribute("decided", true);
        return "redirect:/staff/wallet/verifications";
    }

    @GetMapping("/staff/wallet/verifications/{id:\\d{1,18}}/{which:id-photo|selfie}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable String which) {
        IdentityVerifications.Photo photo = verifications.photo(id, which)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline").body(photo.bytes());
    }
}
