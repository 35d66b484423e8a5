package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own pages: profile, security (history, devices, 2FA, password, contacts), notifications. */
@Controller
class AccountController {

    private final ProfileService profiles;
    private final SignInHistory history;
    private final Notifications notifications;
    private final TwoFactor twoFactor;
    private final ContactChanges contactChanges;
    private final OtherSessions otherSessions;
    private final org.springframework.web.servlet.LocaleResolver localeResolver;

    AccountController(ProfileService profiles, SignInHistory history, Notifications notifications, TwoFactor twoFactor,
            ContactChanges contactChanges, OtherSessions otherSessions,
            org.springframework.web.servlet.LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
        this.otherSessions = otherSessions;
        this.profiles = profiles;
        this.history = history;
        this.notifications = notifications;
        this.twoFactor = twoFactor;
        this.contactChanges = contactChanges;
    }

    /** Profile form. */
    static final class ProfileForm {
        private String name;
        private String language;
        private String timeZone;

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

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }
    }

    /** Password change form. */
    static final class PasswordForm {
        private String currentPassword;
        private String newPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }
    }

    /** Contact change form (step one) and its confirmation (step two). */
    static final class ContactForm {
        private ContactChanges.Kind kind = ContactChanges.Kind.EMAIL;
        private String newValue;
        private String password;
        private String code;

        public ContactChanges.Kind getKind() {
            return kind;
        }

        /** An empty choice means e-mail, as an unknown one does (it fails to bind and keeps the default). */
        public void setKind(ContactChanges.Kind kind) {
            this.kind = kind == null ? ContactChanges.Kind.EMAIL : kind;
        }

        public String getNewValue() {
            return newValue;
        }

        public void setNewValue(String newValue) {
            this.newValue = newValue;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInUser me, Model model) {
        UserAccount user = profiles.get(me.userId());
        ProfileForm form = new ProfileForm();
        form.setName(user.displayName());
        form.setLanguage(user.language().tag());
        form.setTimeZone(user.timeZone());
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("unread", notifications.unreadCount(me.userId()));
        return "identity/account";
    }

    @PostMapping("/account")
    String updateProfile(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") ProfileForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            profiles.updateProfile(me.userId(), form.getName(), form.getLanguage(), form.getTimeZone());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/account";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            model.addAttribute("user", profiles.get(me.userId()));
            model.addAttribute("unread", notifications.unreadCount(me.userId()));
            response.setStatus(400);
            return "identity/account";
        }
    }

    @GetMapping("/account/security")
    String security(@AuthenticationPrincipal SignedInUser me, Model model) {
        UserAccount user = profiles.get(me.userId());
        model.addAttribute("user", user);
        model.addAttribute("signIns", history.recent(me.userId(), 20));
        model.addAttribute("devices", history.devices(me.userId()));
        model.addAttribute("recoveryCodesLeft", twoFactor.remainingRecoveryCodes(me.userId()));
        return "identity/security";
    }

    @GetMapping("/account/password")
    String passwordPage(@ModelAttribute("form") PasswordForm form) {
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") PasswordForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            profiles.changePassword(me.userId(), form.getCurrentPassword(), form.getNewPassword(), ClientInfo.from(request));
            otherSessions.end(me.userId(), request);
            redirect.addFlashAttribute("notice", "password.changed");
            return "redirect:/account/security";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            form.setCurrentPassword(null);
            form.setNewPassword(null);
            response.setStatus(400);
            return "identity/password";
        }
    }

    @GetMapping("/account/security/2fa")
    String twoFactorPage(@AuthenticationPrincipal SignedInUser me, Model model) {
        UserAccount user = profiles.get(me.userId());
        model.addAttribute("user", user);
        if (!user.totpEnabled()) {
            model.addAttribute("enrolment", twoFactor.start(me.userId()));
        }
        model.addAttribute("form", new ContactForm());
        return "identity/two-factor";
    }

    @PostMapping("/account/security/2fa/enable")
    String enableTwoFactor(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String code,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            List<String> codes = twoFactor.enable(me.userId(), code, ClientInfo.from(request));
            model.addAttribute("recoveryCodes", codes);
            return "identity/recovery-codes";
        } catch (ProblemException problem) {
            UserAccount user = profiles.get(me.userId());
            model.addAttribute("user", user);
            model.addAttribute("error", problem.code());
            if (!user.totpEnabled()) {
                model.addAttribute("enrolment", twoFactor.start(me.userId()));
            }
            model.addAttribute("form", new ContactForm());
            response.setStatus(400);
            return "identity/two-factor";
        }
    }

    @PostMapping("/account/security/2fa/disable")
    String disableTwoFactor(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String password,
            @RequestParam(required = false) String code, HttpServletRequest request, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            twoFactor.disable(me.userId(), password, code, ClientInfo.from(request));
            redirect.addFlashAttribute("notice", "twofactor.disabled");
            return "redirect:/account/security";
        } catch (ProblemException problem) {
            model.addAttribute("user", profiles.get(me.userId()));
            model.addAttribute("error", problem.code());
            model.addAttribute("form", new ContactForm());
            response.setStatus(400);
            return "identity/two-factor";
        }
    }

    @GetMapping("/account/contact")
    String contactPage(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") ContactForm form, Model model) {
        model.addAttribute("user", profiles.get(me.userId()));
        return "identity/contact";
    }

    @PostMapping("/account/contact")
    String startContactChange(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") ContactForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response, Model model) {
        UserAccount user = profiles.get(me.userId());
        model.addAttribute("user", user);
        try {
            var started = contactChanges.start(me.userId(), form.getKind(), form.getNewValue(), form.getPassword(), form.getCode(),
                    ClientInfo.from(request));
            model.addAttribute("started", started);
            form.setPassword(null);
            form.setCode(null);
            return "identity/contact-confirm";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            form.setPassword(null);
            form.setCode(null);
            response.setStatus(HttpFailures.status(problem).value());
            return "identity/contact";
        }
    }

    @PostMapping("/account/contact/{changeId}/confirm")
    String confirmContactChange(@AuthenticationPrincipal SignedInUser me, @PathVariable long changeId,
            @ModelAttribute("form") ContactForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            contactChanges.confirm(me.userId(), changeId, form.getCode(), ClientInfo.from(request));
            redirect.addFlashAttribute("notice", "contact.changed");
            return "redirect:/account/security";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            model.addAttribute("changeId", changeId);
            response.setStatus(HttpFailures.status(problem).value());
            return "identity/contact-confirm";
        }
    }

    @GetMapping("/notifications")
    String notificationsPage(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("notifications", notifications.recent(me.userId(), 50));
        return "identity/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        if (!notifications.markRead(me.userId(), id)) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        return "redirect:/notifications";
    }

    @GetMapping("/account/status")
    String status(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("user", profiles.get(me.userId()));
        return "identity/status";
    }

    /** Language switcher for everyone; a signed-in user's choice is remembered on their account. */
    @PostMapping("/language")
    String language(@AuthenticationPrincipal SignedInUser me, @RequestParam String lang,
            @RequestParam(required = false) String back, HttpServletRequest request, HttpServletResponse response) {
        SupportedLanguage language = SupportedLanguage.fromTag(lang).orElse(SupportedLanguage.EN);
        localeResolver.setLocale(request, response, language.locale());
        if (me != null) {
            profiles.changeLanguage(me.userId(), language);
        }
        return "redirect:" + safeBack(back);
    }

    /** Only same-site paths, so the switcher cannot be used as an open redirect. */
    static String safeBack(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.contains("\r") || back.contains("\n")) {
            return "/";
        }
        return back;
    }
}
