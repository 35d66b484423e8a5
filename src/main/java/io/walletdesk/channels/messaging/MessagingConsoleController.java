package io.walletdesk.channels.messaging;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * For agents, next to a conversation carried on WhatsApp or Telegram: which chat it is, the replies sent there with
 * their delivery marks, and WhatsApp's 24-hour window; when it has closed, the approved template to send instead.
 * Access is the conversation's own (404 to staff who do not see it).
 */
@Controller
class MessagingConsoleController {

    private final Conversations conversations;
    private final MessagingThreads threads;
    private final MessagingOutbox outbox;
    private final ServiceWindow window;
    private final OutboxSender sender;
    private final WhatsAppSettings whatsApp;
    private final Clock clock;

    MessagingConsoleController(Conversations conversations, MessagingThreads threads, MessagingOutbox outbox,
            ServiceWindow window, OutboxSender sender, WhatsAppSettings whatsApp, Clock clock) {
        this.conversations = conversations;
        this.threads = threads;
        this.outbox = outbox;
        this.window = window;
        this.sender = sender;
        this.whatsApp = whatsApp;
        this.clock = clock;
    }

    @GetMapping("/staff/messaging/conversations/{id}")
    String console(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        ConversationView conversation = conversations.get(id, staff(me));
        model.addAttribute("conversation", conversation);
        model.addAttribute("thread", threads.of(id).orElse(null));
        model.addAttribute("closesAt", window.closesAt(id).orElse(null));
        model.addAttribute("windowOpen", window.open(id));
        model.addAttribute("templateName", whatsApp.templateName());
        model.addAttribute("replies", outbox.ofConversation(id));
        return "channels/messaging";
    }

    /** Queues the approved template (once a minute at most, so a double click sends one). */
    @PostMapping("/staff/messaging/conversations/{id}/template")
    String sendTemplate(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        conversations.get(id, staff(me));
        MessagingThreads.Thread thread = threads.of(id).filter(t -> t.platform() == Platform.WHATSAPP).orElse(null);
        if (thread == null || window.open(id) || !sender.enabled(Platform.WHATSAPP)) {
            return "redirect:/staff/messaging/conversations/" + id;
        }
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (outbox.queue(Platform.WHATSAPP, "template:" + id + ":" + minute.getEpochSecond(), id, null, thread.address(),
                MessagingOutbox.Kind.TEMPLATE, thread.language(), MessagingOutbox.State.PENDING)) {
            sender.kick();
        }
        return "redirect:/staff/messaging/conversations/" + id + "?templateQueued";
    }

    private static Participant.Staff staff(SignedInUser me) {
        return new Participant.Staff(me.userId(), me.displayName());
    }
}
