package io.walletdesk.ledger.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer's identity verification: upload an ID photo and a selfie (page and API). */
@Controller
@Tag(name = "Wallet")
class VerificationController {

    private final IdentityVerifications verifications;

    VerificationController(IdentityVerifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/wallet/verify")
    String page(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("latest", verifications.latest(me.userId()).orElse(null));
        return "wallet/verify";
    }

    @PostMapping("/wallet/verify")
    String upload(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) MultipartFile idPhoto,
            @RequestParam(required = false) MultipartFile selfie, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            verifications.submit(me.userId(), bytes(idPhoto), bytes(selfie), ClientInfo.from(request));
            redirect.addFlashAttribute("sent", true);
            return "redirect:/wallet/verify";
        } catch (ProblemException problem) {
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("problem", problem);
            model.addAttribute("latest", verifications.latest(me.userId()).orElse(null));
            return "wallet/verify";
        }
    }

    static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }
}
