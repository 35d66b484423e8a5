package io.walletdesk.support.conversation;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.Priority;
import io.walletdesk.support.Teams;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The agent workspace: conversation list, conversation and customer panel on one page. Every action answers a
 * script (header {@code X-Requested-With: fetch}) with the server-rendered fragment it changed, and a plain form
 * post with a redirect back to the workspace, so the page works without JavaScript too.
 */
@Controller
class WorkspaceController {

    private static final String PAGE = "support/staff/workspace";
    private static final String FETCH = "fetch";

    private final Conversations conversations;
    private final WorkspaceRows rows;
    private final WorkspaceSearch search;
    private final WorkspaceActions actions;
    private final CustomerPanel panel;
    private final CannedResponses canned;
    private final Teams teams;
    private final Snoozes snoozes;
    private final UserTime userTime;

    WorkspaceController(Conversations conversations, WorkspaceRows rows, WorkspaceSearch search,
            WorkspaceActions actions, CustomerPanel panel, CannedResponses canned, Teams teams, Snoozes snoozes,
            UserTime userTime) {
        this.snoozes = snoozes;
        this.userTime = userTime;
        this.conversations = conversations;
        this.rows = rows;
        this.search = search;
        this.actions = actions;
        this.panel = panel;
        this.canned = canned;
        this.teams = teams;
    }

    @GetMapping("/staff/workspace")
    String page(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "all") String view,
            @RequestParam(required = false) String q, @RequestParam(required = false) Long c,
            @RequestParam(required = false) Long canned, Model model, Locale locale) {
        list(me, view, q, model);
        if (c != null) {
            open(me, c, canned, model, locale);
        }
        return PAGE;
    }

    @GetMapping("/staff/workspace/conversations/{id}")
    String conversation(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestHeader(name = "X-Requested-With", required = false) String via, Model model, Locale locale) {
        if (!FETCH.equals(via)) {
            conversations.get(id, staff(me));
            return "redirect:/staff/workspace?c=" + id;
        }
        open(me, id, null, model, locale);
        return PAGE + " :: open";
    }

    @GetMapping("/staff/workspace/conversations/{id}/row")
    String row(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        model.addAttribute("row", rows.rows(List.of(conversations.get(id, staff(me)))).get(0));
        model.addAttribute("now", rows.now());
        return PAGE + " :: row";
    }

    /** The message list, as the live connection announces new ones: rendered here like the rest of the page. */
    @GetMapping("/staff/workspace/conversations/{id}/messages")
    String messages(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        Participant.Staff staff = staff(me);
        model.addAttribute("conversation", conversations.get(id, staff));
        model.addAttribute("messages", conversations.messagesAfter(id, staff, 0, 500));
        return PAGE + " :: messages";
    }

    /** Canned responses in the conversation's language, placeholders filled, for the composer's "/" search. */
    @GetMapping("/staff/workspace/conversations/{id}/canned")
    @ResponseBody
    List<Map<String, Object>> canned(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        ConversationView conversation = conversations.get(id, staff(me));
        return canned.forLanguage(conversation.language()).stream().map(r -> Map.<String, Object>of("id", r.id(),
                "shortcut", r.shortcut(), "title", r.title(),
                "body", panel.fill(canned.render(r.id(), conversation, me.displayName()), conversation))).toList();
    }

    @PostMapping("/staff/workspace/conversations/{id}/properties")
    String properties(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String team,
            @RequestParam(required = false) ConversationStatus status, @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String labels, @RequestParam(required = false) String snoozeUntil,
            @RequestHeader(name = "X-Requested-With", required = false) String via, HttpServletRequest request,
            Model model) {
        // The agent picks a local time (datetime-local): in their zone, as every time on the page is shown.
        Instant until = null;
        if (snoozeUntil != null && !snoozeUntil.isBlank()) {
            try {
                until = LocalDateTime.parse(snoozeUntil).atZone(userTime.currentZone()).toInstant();
            } catch (java.time.DateTimeException unreadable) {
                throw ProblemException.forField("validation", FailureKind.INVALID, "snoozeUntil");
            }
        }
        ConversationView now = actions.apply(id, me, new WorkspaceActions.Change(assignee, team, status, priority, labels,
                until), ClientInfo.from(request));
        if (!FETCH.equals(via)) {
            return "redirect:/staff/workspace?c=" + id;
        }
        properties(now, model);
        return PAGE + " :: properties";
    }

    @PostMapping("/staff/workspace/conversations/{id}/reply")
    String reply(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String body,
            @RequestParam(defaultValue = "false") boolean note, @RequestParam(required = false) String clientMessageId,
            @RequestHeader(name = "X-Requested-With", required = false) String via, HttpServletRequest request,
            Model model) {
        Participant.Staff staff = staff(me);
        Channel channel = conversations.get(id, staff).channel();
        conversations.post(new PostMessage(id, staff, clientMessageId, body, channel, note, ClientInfo.from(request),
                null));
        if (!FETCH.equals(via)) {
            return "redirect:/staff/workspace?c=" + id + "#latest";
        }
        return messages(me, id, model);
    }

    @PostMapping("/staff/workspace/conversations/{id}/transactions/{transactionId}/link")
    String link(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @PathVariable long transactionId,
            @RequestHeader(name = "X-Requested-With", required = false) String via, HttpServletRequest request,
            Model model, Locale locale) {
        Participant.Staff staff = staff(me);
        ConversationView conversation = conversations.get(id, staff);
        if (panel.link(conversation, transactionId, me.userId(), me.role().name(), ClientInfo.from(request))) {
            actions.changed(id);
        }
        if (!FETCH.equals(via)) {
            return "redirect:/staff/workspace?c=" + id;
        }
        model.addAttribute("panel", panel.of(conversation, conversations.messagesAfter(id, staff, 0, 500), locale));
        return PAGE + " :: panel";
    }

    /** Bulk actions on the list's ticked conversations: assign to me, team, resolve, label. */
    @PostMapping("/staff/workspace/bulk")
    String bulk(@AuthenticationPrincipal SignedInUser me, @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam String action, @RequestParam(required = false) String value,
            @RequestParam(defaultValue = "all") String view, @RequestParam(required = false) String q,
            @RequestHeader(name = "X-Requested-With", required = false) String via, HttpServletRequest request,
            Model model) {
        ClientInfo client = ClientInfo.from(request);
        for (long id : ids == null ? List.<Long>of() : ids) {
            switch (action) {
                case "assign" -> actions.apply(id, me, new WorkspaceActions.Change("me", null, null, null, null), client);
                case "team" -> actions.apply(id, me, new WorkspaceActions.Change(null, value == null ? "" : value, null,
                        null, null), client);
                case "resolve" -> actions.apply(id, me, new WorkspaceActions.Change(null, null, ConversationStatus.RESOLVED,
                        null, null), client);
                case "label" -> {
                    if (value != null && !value.isBlank()) {
                        actions.label(id, me, value, client);
                    }
                }
                default -> throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
        }
        if (!FETCH.equals(via)) {
            return "redirect:/staff/workspace?view=" + view;
        }
        list(me, view, q, model);
        return PAGE + " :: list";
    }

    private void list(SignedInUser me, String view, String q, Model model) {
        Participant.Staff staff = staff(me);
        List<ConversationView> found;
        if (q != null && !q.isBlank()) {
            found = search.search(q, staff);
        } else {
            found = conversations.inbox(staff, StaffInboxController.assigneeOf(view, me.userId()), null, null,
                    "teams".equals(view));
        }
        model.addAttribute("view", view);
        model.addAttribute("q", q);
        model.addAttribute("rows", rows.rows(found));
        model.addAttribute("now", rows.now());
        model.addAttribute("teams", teams.all());
        model.addAttribute("me", me.userId());
    }

    private void open(SignedInUser me, long id, Long cannedId, Model model, Locale locale) {
        Participant.Staff staff = staff(me);
        ConversationView conversation = conversations.get(id, staff);
        var history = conversations.messagesAfter(id, staff, 0, 500);
        if (!history.isEmpty()) {
            conversations.markRead(id, staff, history.get(history.size() - 1).seq());
        }
        properties(conversation, model);
        model.addAttribute("messages", history);
        model.addAttribute("cannedResponses", canned.forLanguage(conversation.language()));
        if (cannedId != null) {
            model.addAttribute("draft", panel.fill(canned.render(cannedId, conversation, me.displayName()), conversation));
        }
        model.addAttribute("panel", panel.of(conversation, history, locale));
    }

    private void properties(ConversationView conversation, Model model) {
        model.addAttribute("conversation", conversation);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("teams", teams.all());
        model.addAttribute("labels", String.join(", ", rows.labels(conversation.id())));
        Instant until = snoozes.until(conversation.id());
        model.addAttribute("snoozeUntil", until == null ? null
                : LocalDateTime.ofInstant(until, userTime.currentZone()).withSecond(0).withNano(0).toString());
    }

    private static Participant.Staff staff(SignedInUser me) {
        return new Participant.Staff(me.userId(), me.displayName());
    }
}
