package io.walletdesk.support;

import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.reachability.DiagnosticReport;
import io.walletdesk.reachability.DiagnosticReports;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import org.springframework.context.i18n.LocaleContextHolder;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * The entry to support that everyone can reach: anonymous visitors, customers, and customers whose account
 * is locked (their session is restricted to these pages). Everything here works without JavaScript; the
 * chat widget adds live chat on top.
 */
@Controller
class SupportHomeController {

    private final Accounts accounts;
    private final Conversations conversations;
    private final Attachments attachments;
    private final Intake intake;
    private final EvidenceExports evidence;
    private final DiagnosticReports diagnostics;

    SupportHomeController(Accounts accounts, Conversations conversations, Attachments attachments, Intake intake,
            EvidenceExports evidence, DiagnosticReports diagnostics) {
        this.diagnostics = diagnostics;
        this.evidence = evidence;
        this.intake = intake;
        this.attachments = attachments;
        this.accounts = accounts;
        this.conversations = conversations;
    }

    /** The leave-a-message form. */
    static final class MessageForm {
        private String name;
        private String email;
        private String phone;
        private String body;
        private String report;
        private String article;

        /** The help article the customer came from, so the agent knows what they already read. */
        public String getArticle() {
            return article;
        }

        public void setArticle(String article) {
            this.article = article != null && article.matches("[a-z0-9-]{1,80}") ? article : null;
        }

        public String getReport() {
            return report;
        }

        public void setReport(String report) {
            this.report = report;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }
    }

    @GetMapping("/support")
    String support(@AuthenticationPrincipal SignedInUser me, Model model) {
        if (me != null) {
            accounts.find(me.userId()).ifPresent(account -> model.addAttribute("account", account));
            if (!me.isStaff()) {
                model.addAttribute("conversations", conversations.ofParticipant(customer(me)));
            }
        }
        return "support/home";
    }

    @GetMapping("/support/message")
    String messageForm(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") MessageForm form, Model model) {
        diagnostic(me, form.getReport()).ifPresent(report -> {
            model.addAttribute("diagnostic", report);
            if (me != null && !me.isStaff()) {
                // A customer already talking to us adds the report there instead of starting over.
                model.addAttribute("openConversations", conversations.ofParticipant(customer(me)).stream()
                        .filter(c -> c.status() != ConversationStatus.RESOLVED && c.status() != ConversationStatus.CLOSED)
                        .toList());
            }
        });
        return "support/message";
    }

    /** Adds a self-diagnosis report to the customer's conversation, once however often it is sent. */
    @PostMapping("/support/conversations/{id}/report")
    String attachReport(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(required = false) String report, HttpServletRequest request) {
        if (me == null) {
            return "redirect:/login";
        }
        if (me.isStaff()) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        conversations.get(id, customer(me)); // someone else's conversation is not found
        DiagnosticReport diagnostic = diagnostic(me, report)
                .orElseThrow(() -> ProblemException.forField("not-found", FailureKind.NOT_FOUND, "report"));
        intake.post(new PostMessage(id, customer(me), "diagnostic-" + diagnostic.reportId(),
                withDiagnostic(me, null, diagnostic.reportId()).strip(), Channel.CHAT, false,
                ClientInfo.from(request), null));
        return "redirect:/support/conversations/" + id + "#latest";
    }

    /** A report is someone's own (it can name their lock reason): anonymous ones, or the signed-in user's. */
    private Optional<DiagnosticReport> diagnostic(SignedInUser me, String reportId) {
        if (reportId == null || reportId.isBlank()) {
            return Optional.empty();
        }
        // The summary goes into the customer's own message, so it is written in the customer's language.
        return diagnostics.find(reportId.strip(), LocaleContextHolder.getLocale()).filter(report -> report.userId() == null
                || (me != null && report.userId() == me.userId()));
    }

    /** The self-diagnosis result travels with the message, so the agent sees the device and what failed. */
    private String withDiagnostic(SignedInUser me, String body, String reportId) {
        return diagnostic(me, reportId)
                .map(report -> (body == null ? "" : body.strip()) + "\n\n--- " + report.reportId() + " ---\n" + report.summary())
                .orElse(body);
    }

    private static String withArticle(String body, String article) {
        return article == null || body == null || body.isBlank() ? body : body.strip() + "\n\n--- /help/" + article + " ---";
    }

    @PostMapping("/support/message")
    String leaveMessage(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") MessageForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            Participant by = me == null || me.isStaff() ? null : customer(me);
            String email = form.getEmail();
            if (by != null && (email == null || email.isBlank())) {
                email = accounts.find(me.userId()).map(a -> a.email()).orElse(null);
            }
            var outcome = intake.leaveMessage(new LeaveMessage(by,
                    by != null ? me.displayName() : form.getName(), email, form.getPhone(),
                    WalletDeskLocaleResolver.resolveLanguage(request).tag(), withArticle(withDiagnostic(me, form.getBody(), form.getReport()), form.getArticle()),
                    ClientInfo.from(request)));
            if (outcome instanceof Intake.LeftOutcome.Stored stored) {
                model.addAttribute("reference", stored.conversation().reference());
            } else {
                model.addAttribute("reference", ((Intake.LeftOutcome.Journaled) outcome).receipt());
                model.addAttribute("journaled", true);
            }
            return "support/message-sent";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            return "support/message";
        }
    }

    @GetMapping("/support/conversations/{id}")
    String conversation(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        if (me == null) {
            return "redirect:/login";
        }
        Participant reader = me.isStaff() ? new Participant.Staff(me.userId(), me.displayName()) : customer(me);
        ConversationView conversation = conversations.get(id, reader);
        List<MessageView> history = conversations.messagesAfter(id, reader, 0, 500);
        if (!history.isEmpty()) {
            conversations.markRead(id, reader, history.get(history.size() - 1).seq());
        }
        model.addAttribute("conversation", conversation);
        model.addAttribute("messages", history);
        model.addAttribute("readByOther", conversations.readByOtherSide(id, reader));
        conversations.expectedReply(id, reader).ifPresent(due -> model.addAttribute("expectedReply", due));
        return "support/conversation";
    }

    @PostMapping("/support/conversations/{id}/messages")
    String reply(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String body,
            @RequestParam(required = false) String clientMessageId, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (me == null) {
            return "redirect:/login";
        }
        intake.post(new PostMessage(id, customer(me), clientMessageId, body, Channel.CHAT, false,
                ClientInfo.from(request), null));
        return "redirect:/support/conversations/" + id + "#latest";
    }

    @GetMapping("/support/conversations/{id}/messages/{seq}/attachment")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser me,
            @PathVariable long id, @PathVariable long seq) {
        if (me == null) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        return AttachmentDownloads.download(attachments.ofMessage(id, seq, customer(me)));
    }

    @GetMapping("/support/conversations/{id}/bundle")
    ResponseEntity<byte[]> bundle(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        if (me == null) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        Participant reader = me.isStaff() ? new Participant.Staff(me.userId(), me.displayName()) : customer(me);
        ConversationView conversation = conversations.get(id, reader);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + conversation.reference() + "-evidence.zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(evidence.bundle(id, reader));
    }

    @GetMapping("/support/conversations/{id}/transcript")
    ResponseEntity<byte[]> transcript(@AuthenticationPrincipal SignedInUser me,
            @PathVariable long id) {
        if (me == null) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        Participant reader = me.isStaff() ? new Participant.Staff(me.userId(), me.displayName()) : customer(me);
        ConversationView conversation = conversations.get(id, reader);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + conversation.reference() + ".txt\"")
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(conversations.transcript(id, reader).getBytes(StandardCharsets.UTF_8));
    }

    private static Participant.Customer customer(SignedInUser me) {
        return new Participant.Customer(me.userId(), me.displayName());
    }
}
