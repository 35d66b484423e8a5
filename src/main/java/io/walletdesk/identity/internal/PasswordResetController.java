package io.walletdesk.identity.internal;

import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Forgot password" on the sign-in page (ADR 0019): ask for a code, then set a new password with it. The page
 * keeps the request's ticket in the (not signed-in) session. The app's API is {@link PasswordResetApiController}.
 */
@Controller
class PasswordResetController {

    static final String PENDING_RESET = "walletdesk.identity.pendingPasswordReset";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    /** Step one of the page. */
    static final class RequestForm {
        @NotBlank
        @Size(max = 254)
        private String identifier;

        public String getIdentifier() {
            return identifier;
        }

        public void setIdentifier(String identifier) {
            this.identifier = identifier;
        }
    }

    /** Step two of the page. */
    static final class CompleteForm {
        @NotBlank
        @Size(max = 20)
        private String code;
        @NotBlank
        @Size(max = 200)
        private String newPassword;
        @Size(max = 20)
        private String otp;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getOtp() {
            return otp;
        }

        public void setOtp(String otp) {
            this.otp = otp;
        }
    }

    /** Kept in the session between the two steps; serialized with it. */
    record PendingReset(String ticket, String channel) implements Serializable {
    }

    @GetMapping("/login/reset")
    String requestPage(@ModelAttribute("form") RequestForm form) {
        return "identity/reset-request";
    }

    @PostMapping("/login/reset")
    String request(@Validated @ModelAttribute("form") RequestForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                PasswordResets.Requested requested = resets.request(form.getIdentifier(), ClientInfo.from(request));
                request.getSession(true).setAttribute(PENDING_RESET,
                        new PendingReset(requested.ticket(), requested.channel().name()));
                return "redirect:/login/reset/code";
            } catch (ProblemException problem) {
                FormErrors.apply(problem, errors);
                statusOf(problem, response);
                return "identity/reset-request";
            }
        }
        response.setStatus(400);
        return "identity/reset-request";
    }

    @GetMapping("/login/reset/code")
    String completePage(@ModelAttribute("form") CompleteForm form, HttpServletRequest request,
            org.springframework.ui.Model model) {
        PendingReset pending = pending(request);
        if (pending == null) {
            return "redirect:/login/reset";
        }
        model.addAttribute("channel", pending.channel());
        return "identity/reset-code";
    }

    @PostMapping("/login/reset/code")
    String complete(@Validated @ModelAttribute("form") CompleteForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response, org.springframework.ui.Model model) {
        PendingReset pending = pending(request);
        if (pending == null) {
            return "redirect:/login/reset";
        }
        model.addAttribute("channel", pending.channel());
        if (!errors.hasErrors()) {
            try {
                resets.complete(pending.ticket(), form.getCode(), form.getNewPassword(), form.getOtp(),
                        ClientInfo.from(request));
                request.getSession().removeAttribute(PENDING_RESET);
                return "redirect:/login?reset";
            } catch (ProblemException problem) {
                FormErrors.apply(problem, errors);
                statusOf(problem, response);
            }
        } else {
            response.setStatus(400);
        }
        form.setNewPassword(null);
        form.setOtp(null);
        return "identity/reset-code";
    }

    private static PendingReset pending(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(PENDING_RESET) instanceof PendingReset pending ? pending : null;
    }

    /** Limits (429) keep their status and Retry-After; the rest of the refusals are the form's (400). */
    private static void statusOf(ProblemException problem, HttpServletResponse response) {
        int status = HttpFailures.status(problem).value();
        response.setStatus(status == 429 || status >= 500 ? status : 400);
        if (problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
            response.setHeader("Retry-After", String.valueOf(seconds.longValue()));
        }
    }
}
