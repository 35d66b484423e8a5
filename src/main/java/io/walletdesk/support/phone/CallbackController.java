package io.walletdesk.support.phone;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.text.PhoneNumbers;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Participant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Phone callbacks: the customer's request and the agents' queue. */
@Controller
class CallbackController {

    private final Callbacks callbacks;
    private final Accounts accounts;
    private final Clock clock;

    CallbackController(Callbacks callbacks, Accounts accounts, Clock clock) {
        this.callbacks = callbacks;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The callback request form. */
    static final class CallbackForm {
        private String name;
        private String phone;
        private String day;
        private String from = "09:00";
        private String until = "12:00";
        private String topic;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getDay() {
            return day;
        }

        public void setDay(String day) {
            this.day = day;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getUntil() {
            return until;
        }

        public void setUntil(String until) {
            this.until = until;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }
    }

    @GetMapping("/support/callback")
    String callbackForm(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") CallbackForm form) {
        if (form.getDay() == null) {
            form.setDay(LocalDate.now(clock.withZone(UserTime.DEFAULT_ZONE)).plusDays(1).toString());
        }
        // A signed-in customer need not type what we know: their name and phone, both still editable.
        if (me != null && !me.isStaff()) {
            if (form.getName() == null) {
                form.setName(me.displayName());
            }
            if (form.getPhone() == null) {
                accounts.find(me.userId()).map(AccountView::phone).ifPresent(form::setPhone);
            }
        }
        return "support/callback";
    }

    @PostMapping("/support/callback")
    String requestCallback(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") CallbackForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            String phone = normalisePhone(form.getPhone());
            LocalDate day = LocalDate.parse(form.getDay());
            ZoneId zone = UserTime.DEFAULT_ZONE;
            Participant by = me != null && !me.isStaff() ? new Participant.Customer(me.userId(), me.displayName())
                    : new Participant.Visitor("phone:" + UUID.randomUUID(), form.getName() == null ? phone : form.getName());
            ConversationView conversation = callbacks.request(new Callbacks.RequestCallback(by, by.name(), phone,
                    day.atTime(LocalTime.parse(form.getFrom())).atZone(zone).toInstant(),
                    day.atTime(LocalTime.parse(form.getUntil())).atZone(zone).toInstant(),
                    WalletDeskLocaleResolver.resolveLanguage(request).tag(), form.getTopic()));
            model.addAttribute("conversation", conversation);
            // The confirmation repeats when and where we call, so a mistyped day or number is seen at once.
            model.addAttribute("windowStart", day.atTime(LocalTime.parse(form.getFrom())).atZone(zone).toInstant());
            model.addAttribute("windowEnd", day.atTime(LocalTime.parse(form.getUntil())).atZone(zone).toInstant());
            model.addAttribute("phone", phone);
            return "support/callback-requested";
        } catch (DateTimeParseException unreadable) {
            FormErrors.apply(ProblemException.forField("callback-window", FailureKind.INVALID, "day"), errors);
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
        }
        response.setStatus(400);
        return "support/callback";
    }

    @GetMapping("/staff/callbacks")
    String queue(Model model) {
        model.addAttribute("callbacks", callbacks.queue());
        model.addAttribute("outcomes", Callbacks.Outcome.values());
        return "support/staff/callbacks";
    }

    @PostMapping("/staff/callbacks/{id}/log")
    String log(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam Callbacks.Outcome outcome,
            @RequestParam(defaultValue = "0") int minutes, @RequestParam(required = false) String notes) {
        callbacks.logCall(id, new Participant.Staff(me.userId(), me.displayName()), outcome, minutes * 60, notes);
        return "redirect:/staff/callbacks";
    }

    /** Callbacks may go to landlines too, so any valid number is accepted, not only mobiles. */
    private static String normalisePhone(String raw) {
        return PhoneNumbers.e164(raw)
                .orElseThrow(() -> ProblemException.forField("invalid-phone", FailureKind.INVALID, "phone"));
    }
}
