package io.walletdesk.disputes.internal;

import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/**
 * Customers file and track complaints (also from a locked, support-only session: a complaint is support);
 * staff acknowledge, escalate, extend and answer them.
 */
@Controller
class ComplaintPagesController {

    private final Complaints complaints;
    private final ComplaintFiles files;
    private final Accounts accounts;
    private final Conversations conversations;
    private final Clock clock;

    ComplaintPagesController(Complaints complaints, ComplaintFiles files, Accounts accounts, Conversations conversations,
            Clock clock) {
        this.complaints = complaints;
        this.files = files;
        this.accounts = accounts;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The complaint form. */
    static final class ComplaintForm {
        private String category = "OTHER";
        private String description;
        private String conversation;

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getConversation() {
            return conversation;
        }

        public void setConversation(String conversation) {
            this.conversation = conversation;
        }
    }

    @GetMapping("/support/complaints")
    String mine(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") ComplaintForm form, Model model) {
        if (me == null || me.isStaff()) {
            return "redirect:/login";
        }
        model.addAttribute("complaints", complaints.ofCustomer(me.userId()));
        model.addAttribute("categories", List.copyOf(new TreeSet<>(Complaints.CATEGORIES)));
        return "disputes/mine";
    }

    @PostMapping("/support/complaints")
    String file(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") ComplaintForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        if (me == null || me.isStaff()) {
            return "redirect:/login";
        }
        try {
            Long conversationId = null;
            if (form.getConversation() != null && !form.getConversation().isBlank()) {
                conversationId = conversations.byReference(form.getConversation().strip().toUpperCase(Locale.ROOT),
                                new Participant.Customer(me.userId(), me.displayName()))
                        .orElseThrow(() -> ProblemException.forField("not-found", FailureKind.INVALID, "conversation"))
                        .id();
            }
            ComplaintView filed = complaints.file(new Complaints.FileComplaint(me.userId(), email(me.userId()),
                    me.language().tag(), form.getCategory(), form.getDescription(), conversationId));
            return "redirect:/support/complaints/" + filed.reference();
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("complaints", complaints.ofCustomer(me.userId()));
            model.addAttribute("categories", List.copyOf(new TreeSet<>(Complaints.CATEGORIES)));
            return "disputes/mine";
        }
    }

    @GetMapping("/support/complaints/{reference}")
    String tracker(@AuthenticationPrincipal SignedInUser me, @PathVariable String reference, Model model) {
        ComplaintView complaint = own(me, reference);
        model.addAttribute("complaint", complaint);
        model.addAttribute("steps", complaints.timeline(complaint.id()));
        model.addAttribute("referable", complaint.referable(clock.instant()));
        return "disputes/tracker";
    }

    @PostMapping("/support/complaints/{reference}/respond")
    String respond(@AuthenticationPrincipal SignedInUser me, @PathVariable String reference,
            @RequestParam boolean accepted, @RequestParam(required = false) String comment) {
        own(me, reference);
        complaints.respond(me.userId(), reference, accepted, comment);
        return "redirect:/support/complaints/" + reference;
    }

    @GetMapping("/support/complaints/{reference}/file")
    ResponseEntity<byte[]> regulatorFile(@AuthenticationPrincipal SignedInUser me, @PathVariable String reference) {
        ComplaintView complaint = own(me, reference);
        if (!complaint.referable(clock.instant())) {
            throw new ProblemException("complaint-not-referable", FailureKind.CONFLICT);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reference + "-complaint-file.zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(files.build(complaint, me.displayName()));
    }

    /** An agent turns a conversation into a formal complaint when the customer asks for one. */
    @PostMapping("/staff/conversations/{conversationId}/complaint")
    String convert(@AuthenticationPrincipal SignedInUser me, @PathVariable long conversationId,
            @RequestParam String category, @RequestParam String description) {
        var conversation = conversations.get(conversationId, new Participant.Staff(me.userId(), me.displayName()));
        if (conversation.customerUserId() == null) {
            throw new ProblemException("complaint-needs-account", FailureKind.CONFLICT);
        }
        ComplaintView filed = complaints.file(new Complaints.FileComplaint(conversation.customerUserId(),
                email(conversation.customerUserId()), conversation.language(), category, description, conversationId));
        return "redirect:/staff/complaints/" + filed.id();
    }

    @GetMapping("/staff/complaints")
    String queue(Model model) {
        model.addAttribute("complaints", complaints.open());
        return "disputes/staff-list";
    }

    @GetMapping("/staff/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        ComplaintView complaint = complaints.find(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        model.addAttribute("complaint", complaint);
        model.addAttribute("steps", complaints.timeline(id));
        accounts.find(complaint.customerUserId()).ifPresent(a -> model.addAttribute("customer", a));
        return "disputes/staff-detail";
    }

    @PostMapping("/staff/complaints/{id}/{action}")
    String act(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @PathVariable String action,
            @RequestParam(required = false) String text) {
        ComplaintView complaint = complaints.find(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        String email = email(complaint.customerUserId());
        switch (action) {
            case "acknowledge" -> complaints.acknowledge(id, me.userId(), me.role().name(), email);
            case "escalate" -> complaints.escalate(id, me.userId(), me.role().name(), required(text));
            case "extend" -> complaints.extend(id, me.userId(), me.role().name(), required(text), email);
            case "answer" -> complaints.answer(id, me.userId(), me.role().name(), text, email);
            default -> throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        return "redirect:/staff/complaints/" + id;
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.forField("complaint-reason", FailureKind.INVALID, "text");
        }
        return text.strip();
    }

    private String email(long userId) {
        return accounts.find(userId).map(AccountView::email).orElse(null);
    }

    private ComplaintView own(SignedInUser me, String reference) {
        if (me == null || me.isStaff()) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        return complaints.ofCustomer(me.userId(), reference)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }
}
