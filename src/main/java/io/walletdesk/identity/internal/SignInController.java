package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.identity.internal.NewAccounts.RegisterCustomer;
import io.walletdesk.identity.internal.SignInHistory.Channel;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Registration, sign-in with password, and the second step with a TOTP or recovery code. */
@Controller
class SignInController {

    private final SignInService signIn;
    private final NewAccounts newAccounts;
    private final WebSessions sessions;

    SignInController(SignInService signIn, NewAccounts newAccounts, WebSessions sessions) {
        this.signIn = signIn;
        this.newAccounts = newAccounts;
        this.sessions = sessions;
    }

    /** The sign-in form. */
    static final class SignInForm {
        @NotBlank
        @Size(max = 254)
        private String identifier;
        @NotBlank
        @Size(max = 200)
        private String password;

        public String getIdentifier() {
            return identifier;
        }

        public void setIdentifier(String identifier) {
            this.identifier = identifier;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** The second-step form. */
    static final class CodeForm {
        @NotBlank
        @Size(max = 20)
        private String code;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }
    }

    /** The registration form. */
    static final class RegisterForm {
        @NotBlank
        @Size(max = 30)
        private String phone;
        @Size(max = 254)
        private String email;
        @NotBlank
        @Size(max = 100)
        private String name;
        private String language;
        @NotBlank
        @Size(max = 200)
        private String password;

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    @GetMapping("/login")
    String loginPage(@ModelAttribute("form") SignInForm form, HttpServletRequest request, HttpServletResponse response) {
        WebSessions.ensureDeviceCookie(request, response);
        return "identity/login";
    }

    @PostMapping("/login")
    String login(@Validated @ModelAttribute("form") SignInForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            return "identity/login";
        }
        SignInOutcome outcome;
        try {
            outcome = signIn.withPassword(form.getIdentifier(), form.getPassword(), ClientInfo.from(request),
                    Channel.WEB);
        } catch (ProblemException busy) {
            form.setPassword(null);
            return busy(busy, response, model, "identity/login");
        }
        form.setPassword(null);
        return handle(outcome, request, response, model, "identity/login");
    }

    @GetMapping("/login/2fa")
    String secondFactorPage(@ModelAttribute("form") CodeForm form, HttpServletRequest request) {
        return sessions.pendingSecondFactor(request) == null ? "redirect:/login" : "identity/login-2fa";
    }

    @PostMapping("/login/2fa")
    String secondFactor(@Validated @ModelAttribute("form") CodeForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Long userId = sessions.pendingSecondFactor(request);
        if (userId == null) {
            return "redirect:/login";
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            return "identity/login-2fa";
        }
        SignInOutcome outcome = signIn.withSecondFactor(userId, form.getCode(), ClientInfo.from(request), Channel.WEB);
        form.setCode(null);
        return handle(outcome, request, response, model, "identity/login-2fa");
    }

    private String handle(SignInOutcome outcome, HttpServletRequest request, HttpServletResponse response, Model model,
            String formView) {
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            sessions.signIn(signedIn.user(), request, response);
            return "redirect:" + landingPage(signedIn.user());
        }
        if (outcome instanceof SignInOutcome.SecondFactorRequired required) {
            sessions.awaitSecondFactor(required.userId(), request);
            return "redirect:/login/2fa";
        }
        SignInOutcome.Rejected rejected = (SignInOutcome.Rejected) outcome;
        response.setStatus(rejected.reason().tooManyAttempts() ? 429 : 401);
        if (rejected.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", String.valueOf(rejected.retryAfterSeconds()));
        }
        model.addAttribute("rejection", rejected.code());
        model.addAttribute("retryMinutes", Math.max(1, (rejected.retryAfterSeconds() + 59) / 60));
        return formView;
    }

    /** 503 server-busy (all password-hashing turns taken): the form again, with the reason and Retry-After. */
    private static String busy(ProblemException problem, HttpServletResponse response, Model model, String formView) {
        if (!"server-busy".equals(problem.code())) {
            throw problem;
        }
        response.setStatus(HttpFailures.status(problem).value());
        if (problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
            response.setHeader("Retry-After", String.valueOf(seconds.longValue()));
        }
        model.addAttribute("rejection", problem.code());
        model.addAttribute("retryMinutes", 1);
        return formView;
    }

    static String landingPage(SignedInUser user) {
        if (user.restricted()) {
            return "/account/status";
        }
        return user.isStaff() ? "/staff" : "/account";
    }

    @GetMapping("/register")
    String registerPage(@ModelAttribute("form") RegisterForm form, HttpServletRequest request,
            HttpServletResponse response) {
        WebSessions.ensureDeviceCookie(request, response);
        if (form.getLanguage() == null) {
            form.setLanguage(WalletDeskLocaleResolver.resolveLanguage(request).tag());
        }
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Validated @ModelAttribute("form") RegisterForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!errors.hasErrors()) {
            try {
                ClientInfo client = ClientInfo.from(request);
                var created = newAccounts.attempt(new RegisterCustomer(form.getPhone(), form.getEmail(),
                        form.getName(), form.getLanguage(), form.getPassword()), client);
                if (created.isPresent()) {
                    SignInOutcome outcome = signIn.withPassword(form.getPhone(), form.getPassword(), client,
                            Channel.WEB);
                    if (outcome instanceof SignInOutcome.SignedIn signedIn) {
                        sessions.signIn(signedIn.user(), request, response);
                        return "redirect:/account?welcome";
                    }
                }
                // The phone or e-mail had an account (its owner got a message), or sign-in was paused: the
                // same neutral next step either way (ADR 0012).
                return "redirect:/login?registered";
            } catch (ProblemException problem) {
                FormErrors.apply(problem, errors);
                form.setPassword(null);
                // Limits (429) and a busy server (503) keep their status and tell when to come back.
                response.setStatus(HttpFailures.status(problem).is5xxServerError() || HttpFailures.status(problem).value() == 429
                        ? HttpFailures.status(problem).value() : 400);
                if (problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
                    response.setHeader("Retry-After", String.valueOf(seconds.longValue()));
                }
                return "identity/register";
            }
        }
        form.setPassword(null);
        response.setStatus(400);
        return "identity/register";
    }
}
