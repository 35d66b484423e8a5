package io.walletdesk.support.conversation;

import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.ledger.WalletTransactions;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.AttachmentDownloads;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Intake;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.Priority;
import io.walletdesk.support.Teams;
import io.walletdesk.support.evidence.EvidenceChain;
import io.walletdesk.support.sla.ServiceLevels;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent console: inbox views and the conversation page with the customer's context. */
@Controller
class StaffInboxController {

    private final Conversations conversations;
    private final Accounts accounts;
    private final ServiceLevels serviceLevels;
    private final CannedResponses cannedResponses;
    private final Attachments attachments;
    private final Teams teams;
    private final WalletTransactions wallet;
    private final EvidenceChain evidence;
    private final Intake intake;
    private final CustomerPanel panel;

    /** A customer's transaction as the agent sees it next to the conversation. */
    record TransactionLine(long id, String kind, String status, String amount, String reasonCode, String waitingFor,
            Instant expectedBy, Instant createdAt) {
    }

    StaffInboxController(EvidenceChain evidence, WalletTransactions wallet, Teams teams, Attachments attachments,
            Conversations conversations, Accounts accounts, ServiceLevels serviceLevels, CannedResponses cannedResponses,
            Intake intake, CustomerPanel panel) {
        this.panel = panel;
        this.intake = intake;
        this.cannedResponses = cannedResponses;
        this.attachments = attachments;
        this.teams = teams;
        this.wallet = wallet;
        this.evidence = evidence;
        this.serviceLevels = serviceLevels;
        this.conversations = conversations;
        this.accounts = accounts;
    }

    @GetMapping("/staff/inbox")
    String inbox(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "all") String view,
            @RequestParam(required = false) ConversationStatus status, @RequestParam(required = false) Channel channel,
            Model model) {
        Long assignee = assigneeOf(view, me.userId());
        model.addAttribute("view", view);
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("channels", Channel.values());
        var list = conversations.inbox(staff(me), assignee, status, channel, "teams".equals(view));
        if ("at-risk".equals(view)) {
            var atRisk = serviceLevels.atRisk();
            list = list.stream().filter(c -> atRisk.contains(c.id())).toList();
        }
        model.addAttribute("conversations", list);
        // Customer messages this node could not store: staff must not learn of them only from the logs.
        model.addAttribute("deadLetters", intake.deadLetterCount());
        return "support/staff/inbox";
    }

    @GetMapping("/staff/conversations/{id}")
    String conversation(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(required = false) Long canned, Model model) {
        Participant.Staff staff = staff(me);
        ConversationView conversation = conversations.get(id, staff);
        var history = conversations.messagesAfter(id, staff, 0, 500);
        if (!history.isEmpty()) {
            conversations.markRead(id, staff, history.get(history.size() - 1).seq());
        }
        model.addAttribute("conversation", conversation);
        model.addAttribute("messages", history);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("cannedResponses", cannedResponses.forLanguage(conversation.language()));
        model.addAttribute("teams", teams.all());
        if (canned != null) {
            model.addAttribute("draft", panel.fill(cannedResponses.render(canned, conversation, me.displayName()),
                    conversation));
        }
        if (conversation.customerUserId() != null) {
            accounts.find(conversation.customerUserId()).ifPresent(a -> model.addAttribute("customer", a));
            model.addAttribute("transactions", wallet.recent(conversation.customerUserId(), 10).stream()
                    .map(t -> new TransactionLine(t.id(), t.kind().name(), t.status().name(),
                            Money.format(t.amount()), t.reasonCode(), t.waitingFor(),
                            t.expectedBy(), t.createdAt()))
                    .toList());
            model.addAttribute("previous", conversations.ofParticipant(
                    new Participant.Customer(conversation.customerUserId(), "")).stream()
                    .filter(c -> c.id() != id).toList());
        }
        return "support/staff/conversation";
    }

    @PostMapping("/staff/conversations/{id}/reply")
    String reply(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String body,
            @RequestParam(defaultValue = "false") boolean note, @RequestParam(required = false) String clientMessageId,
            HttpServletRequest request) {
        Channel channel = conversations.get(id, staff(me)).channel();
        conversations.post(new PostMessage(id, staff(me), clientMessageId, body, channel, note, ClientInfo.from(request),
                null));
        return "redirect:/staff/conversations/" + id + "#latest";
    }

    @GetMapping("/staff/conversations/{id}/messages/{seq}/attachment")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser me,
            @PathVariable long id, @PathVariable long seq) {
        return AttachmentDownloads.download(attachments.ofMessage(id, seq, staff(me)));
    }

    @GetMapping("/staff/conversations/{id}/verify")
    String verify(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        model.addAttribute("conversation", conversations.get(id, staff(me)));
        model.addAttribute("verification", evidence.verify(id));
        return "support/staff/verify";
    }

    @PostMapping("/staff/conversations/{id}/merge")
    String merge(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String target) {
        Participant.Staff staff = staff(me);
        ConversationView into = conversations.byReference(target.trim().toUpperCase(Locale.ROOT), staff)
                .orElseThrow(() -> ProblemException.forField("merge-invalid", FailureKind.INVALID, "target"));
        conversations.merge(id, into.id(), staff);
        return "redirect:/staff/conversations/" + into.id();
    }

    @PostMapping("/staff/conversations/{id}/assign")
    String assign(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "me") String to) {
        conversations.assign(id, staff(me), "me".equals(to) ? Long.valueOf(me.userId()) : null);
        return "redirect:/staff/conversations/" + id;
    }

    @PostMapping("/staff/conversations/{id}/team")
    String team(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam(required = false) Long team) {
        conversations.assignTeam(id, staff(me), team);
        return "redirect:/staff/conversations/" + id;
    }

    @PostMapping("/staff/conversations/{id}/status")
    String status(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam ConversationStatus status) {
        conversations.changeStatus(id, staff(me), status);
        return "redirect:/staff/conversations/" + id;
    }

    @PostMapping("/staff/conversations/{id}/priority")
    String priority(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam Priority priority) {
        conversations.changePriority(id, staff(me), priority);
        return "redirect:/staff/conversations/" + id;
    }

    /** An inbox view's assignee filter: "mine" the viewer, "unassigned" -1, any other view everyone's (null). */
    static Long assigneeOf(String view, long viewer) {
        return switch (view) {
            case "mine" -> viewer;
            case "unassigned" -> -1L;
            default -> null;
        };
    }

    private static Participant.Staff staff(SignedInUser me) {
        return new Participant.Staff(me.userId(), me.displayName());
    }
}
