package io.walletdesk.chat.internal;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.AttachmentDownloads;
import io.walletdesk.support.AgentAvailability;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponse;
import io.walletdesk.support.Intake;
import io.walletdesk.support.LeaveMessage;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.PostedMessage;
import io.walletdesk.support.StartConversation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The chat API for the widget and the app, authenticated by {@code X-Chat-Token}. Long polling
 * ({@code GET .../messages?after=N&waitSeconds=25}) is the fallback when WebSocket is blocked: it answers
 * at once when messages after N exist, else when one arrives or the wait ends.
 */
@RestController
@RequestMapping("/api/v1/chat")
@Tag(name = "Live chat", description = "Widget and app chat: visitors, conversations, messages, long polling")
class ChatApiController {

    static final String TOKEN_HEADER = "X-Chat-Token";

    private final ChatTokens tokens;
    private final Conversations conversations;
    private final ChatBus bus;
    private final AgentPresence presence;
    private final MessageSource messageSource;
    private final Accounts accounts;
    private final ChatAbuseGuard abuse;
    private final Attachments attachments;
    private final ContinueLinks continueLinks;
    private final Intake intake;

    private final MessageFanout fanout;

    ChatApiController(Intake intake, ContinueLinks continueLinks, Attachments attachments, ChatTokens tokens,
            Conversations conversations, ChatBus bus, AgentPresence presence, MessageSource messageSource,
            Accounts accounts, ChatAbuseGuard abuse, FirstResponse firstResponse, AgentAvailability availability,
            UserTime userTime, MessageFanout fanout) {
        this.fanout = fanout;
        this.availability = availability;
        this.userTime = userTime;
        this.firstResponse = firstResponse;
        this.abuse = abuse;
        this.attachments = attachments;
        this.continueLinks = continueLinks;
        this.intake = intake;
        this.accounts = accounts;
        this.messageSource = messageSource;
        this.tokens = tokens;
        this.conversations = conversations;
        this.bus = bus;
        this.presence = presence;
    }

    record NewVisitor(@NotBlank @Size(max = 100) String name, @Email @Size(max = 254) String email,
            @Size(max = 30) String phone, @Size(max = 10) String language) {
    }

    record VisitorToken(String token) {
    }

    record Start(@Size(max = 200) String subject, @Size(max = 10) String language, @Email @Size(max = 254) String email) {
    }

    record NewMessage(@Size(max = 64) String clientMessageId, @NotBlank @Size(max = 10000) String body,
            Instant clientTime) {
    }

    record Ack(String clientMessageId, long seq, boolean duplicate) {
    }

    record LeftMessage(@NotBlank @Size(max = 10000) String body, @Email @Size(max = 254) String email,
            @Size(max = 30) String phone, @Size(max = 10) String language) {
    }

    /** {@code id} only once the conversation is stored; {@code queued}: kept safe while the database recovers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LeftMessageReceipt(Long id, String reference, boolean queued) {
    }

    record Read(long seq) {
    }

    /**
     * {@code assistant}: the 24-hour assistant answers new chats, so chatting works with no agent online.
     * {@code humanAnswer}: when a person answers, the same answer the assistant gives at a hand-over;
     * {@code nextOpening} (and the text to show, in the asked language and Jakarta time) only when off duty.
     */
    record Availability(int agentsOnline, boolean liveChatOpen, boolean assistant, HumanAnswer humanAnswer,
            Instant nextOpening, String nextOpeningText) {
    }

    /** When a person answers a customer. */
    enum HumanAnswer { ANSWER_SOON, QUEUED, OFF_DUTY }

    private final FirstResponse firstResponse;
    private final AgentAvailability availability;
    private final UserTime userTime;

    @PostMapping("/visitors")
    @ApiResponse(responseCode = "201", description = "Visitor token issued")
    @Operation(summary = "Start as an anonymous visitor", description = "Returns a chat token; keep it to continue later.")
    ResponseEntity<VisitorToken> visitor(@Valid @RequestBody NewVisitor body, HttpServletRequest request) {
        abuse.newVisitor(ClientInfo.from(request));
        String token = tokens.forVisitor(body.name());
        if (body.email() != null && !body.email().isBlank()) {
            continueLinks.send(token, body.email(), body.language());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new VisitorToken(token));
    }

    @PostMapping("/conversations")
    @Operation(summary = "Open my conversation", description = "Continues the open one, or reopens one resolved within 7 days.")
    ConversationView start(@RequestHeader(TOKEN_HEADER) String token, @Valid @RequestBody(required = false) Start body) {
        Participant me = participant(token);
        String email = me instanceof Participant.Visitor && body != null && body.email() != null && !body.email().isBlank()
                ? body.email() : null; // a visitor's pre-chat e-mail; a customer's comes from their account
        return conversations.startOrContinue(new StartConversation(me, Channel.CHAT,
                body == null ? null : body.subject(), me.name(), email, null, body == null ? null : body.language()));
    }

    @GetMapping("/conversations")
    @Operation(summary = "My conversations")
    List<ConversationView> mine(@RequestHeader(TOKEN_HEADER) String token) {
        return conversations.ofParticipant(participant(token));
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "One of my conversations")
    ConversationView conversation(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id) {
        return conversations.get(id, participant(token));
    }

    @GetMapping("/conversations/{id}/messages")
    @Operation(summary = "Messages after a sequence number (long poll)")
    DeferredResult<List<ChatMessages>> messages(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "0") int waitSeconds) {
        Participant me = participant(token);
        int wait = Math.max(0, Math.min(waitSeconds, 30));
        DeferredResult<List<ChatMessages>> result = new DeferredResult<>((wait + 5) * 1000L);
        AtomicReference<AutoCloseable> subscription = new AtomicReference<>();
        Runnable answer = () -> {
            List<ChatMessages> found = conversations.messagesAfter(id, me, after, 200).stream().map(ChatMessages::of).toList();
            if (!found.isEmpty() || wait == 0) {
                result.setResult(found);
            }
        };
        if (wait > 0) {
            // Subscribe before the first look, so a message stored in between still wakes us.
            subscription.set(bus.subscribe(conversations.get(id, me).id(), signal -> {
                if (signal.kind() == ChatSignal.Kind.MESSAGE && !result.isSetOrExpired()) {
                    answer.run();
                }
            }));
            result.onTimeout(() -> result.setResult(List.of()));
            result.onCompletion(() -> closeQuietly(subscription.get()));
        }
        answer.run();
        return result;
    }

    @PostMapping("/conversations/{id}/messages")
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(responseCode = "200", description = "A repeat of a stored message")
    @ApiResponse(responseCode = "202", description = "Kept safe while the database recovers")
    @Operation(summary = "Send a message", description = "201 stored; 200 a repeat of a stored one; 202 kept safe while the database recovers.")
    ResponseEntity<Ack> send(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id,
            @Valid @RequestBody NewMessage body, HttpServletRequest request) {
        Participant me = participant(token);
        abuse.message(me, id, body.clientMessageId());
        var outcome = intake.post(new PostMessage(id, me, body.clientMessageId(), body.body(),
                Channel.CHAT, false, ClientInfo.from(request), body.clientTime()));
        if (outcome instanceof Intake.Outcome.Journaled journaled) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Ack(journaled.clientMessageId(), 0, false));
        }
        PostedMessage posted = ((Intake.Outcome.Stored) outcome).posted();
        fanout.resent(posted);
        return ResponseEntity.status(posted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Ack(posted.message().clientMessageId(), posted.message().seq(), posted.duplicate()));
    }

    /** How many anonymous conversations became the signed-in customer's. */
    record Adopted(int conversations) {
    }

    /**
     * The widget of a visitor who has just signed in or registered: their anonymous conversations become the
     * account's, so the chat (and the agent's reply) continues. Holding both tokens is the proof; the visitor's
     * tokens end, since the conversations now hold the customer's account.
     */
    @PostMapping("/adopt")
    @Operation(summary = "Continue my anonymous chats in my account", description = "X-Visitor-Token: the widget's visitor token.")
    Adopted adopt(@RequestHeader(TOKEN_HEADER) String token,
            @RequestHeader(name = "X-Visitor-Token", required = false) String visitorToken) {
        if (!(participant(token) instanceof Participant.Customer customer)) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        if (!(tokens.resolve(visitorToken).orElse(null) instanceof Participant.Visitor visitor)) {
            return new Adopted(0); // already adopted, or expired: nothing to continue
        }
        int adopted = conversations.adoptVisitor(visitor, customer);
        tokens.revokeVisitor(visitor.visitorId());
        return new Adopted(adopted);
    }

    @PostMapping("/leave-message")
    @ApiResponse(responseCode = "201", description = "Stored as a conversation")
    @ApiResponse(responseCode = "202", description = "Kept safe while the database recovers")
    @Operation(summary = "Leave a message when nobody can chat", description = "The acknowledgement and the answers go by e-mail.")
    ResponseEntity<LeftMessageReceipt> leaveMessage(@RequestHeader(TOKEN_HEADER) String token,
            @Valid @RequestBody LeftMessage body, HttpServletRequest request) {
        Participant me = participant(token);
        String email = body.email();
        if ((email == null || email.isBlank()) && me instanceof Participant.Customer customer) {
            email = accounts.find(customer.userId()).map(a -> a.email()).orElse(null);
        }
        var outcome = intake.leaveMessage(new LeaveMessage(
                me, me.name(), email, body.phone(), body.language(), body.body(), ClientInfo.from(request)));
        if (outcome instanceof Intake.LeftOutcome.Stored stored) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new LeftMessageReceipt(stored.conversation().id(),
                    stored.conversation().reference(), false));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new LeftMessageReceipt(null,
                ((Intake.LeftOutcome.Journaled) outcome).receipt(), true));
    }

    @PostMapping("/conversations/{id}/read")
    @Operation(summary = "Mark messages read up to a sequence number")
    @ApiResponse(responseCode = "204", description = "Marked")
    ResponseEntity<Void> read(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id, @RequestBody Read body) {
        Participant me = participant(token);
        conversations.markRead(id, me, body.seq());
        bus.publish(new ChatSignal(id, ChatSignal.Kind.READ, body.seq(), me.name(), me.isStaff()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conversations/{id}/typing")
    @Operation(summary = "Tell the other side I am typing")
    @ApiResponse(responseCode = "204", description = "Sent")
    ResponseEntity<Void> typing(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id) {
        Participant me = participant(token);
        conversations.get(id, me);
        bus.publish(new ChatSignal(id, ChatSignal.Kind.TYPING, 0, me.name(), me.isStaff()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/conversations/{id}/transcript", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Download the transcript (E2)", description = "Plain text with UTC and Jakarta times.")
    ResponseEntity<byte[]> transcript(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id) {
        Participant me = participant(token);
        ConversationView conversation = conversations.get(id, me);
        String text = conversations.transcript(id, me);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + conversation.reference() + ".txt\"")
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    static final List<String> WIDGET_TEXTS = List.of("launcher", "title", "close", "name", "email",
            "start", "placeholder", "send", "online", "offline", "connecting", "reconnecting", "fallback", "queued",
            "sent", "delivered", "readMark", "typing", "transcript", "error", "leftMessage", "attach", "complaint", "assistant",
            "slowDown", "offDuty");

    @GetMapping("/texts")
    @Operation(summary = "The widget's texts in one language", description = "lang: en, zh-CN or id; else Accept-Language.")
    ResponseEntity<Map<String, String>> texts(@RequestParam(required = false) String lang, Locale requestLocale) {
        Locale locale = SupportedLanguage.fromTag(lang).map(SupportedLanguage::locale).orElse(requestLocale);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : WIDGET_TEXTS) {
            texts.put(key, messageSource.getMessage("widget." + key, null, key, locale));
        }
        return ResponseEntity.ok().header("Cache-Control", "public, max-age=3600").body(texts);
    }

    @PostMapping(value = "/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Attached")
    @Operation(summary = "Attach a screenshot or PDF", description = "PNG, JPEG, GIF, WebP or PDF by content, at most 10 MB.")
    ResponseEntity<Ack> attach(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id,
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) String clientMessageId,
            HttpServletRequest request) throws IOException {
        Participant me = participant(token);
        abuse.message(me);
        var message = attachments.attach(id, me, clientMessageId, file.getOriginalFilename(), file.getBytes(), Channel.CHAT,
                ClientInfo.from(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Ack(message.clientMessageId(), message.seq(), false));
    }

    @GetMapping("/conversations/{id}/messages/{seq}/attachment")
    @Operation(summary = "Download a message's attachment")
    @ApiResponse(responseCode = "200", description = "The file, with its own media type", content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/octet-stream", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> attachment(@RequestHeader(TOKEN_HEADER) String token, @PathVariable long id,
            @PathVariable long seq) {
        return AttachmentDownloads.download(attachments.ofMessage(id, seq, participant(token)));
    }

    @GetMapping("/availability")
    @Operation(summary = "Whether and when a person answers", description = "lang: en, zh-CN or id; else Accept-Language.")
    Availability availability(@RequestParam(required = false) String lang, Locale requestLocale) {
        Locale locale = SupportedLanguage.fromTag(lang).map(SupportedLanguage::locale).orElse(requestLocale);
        boolean assistant = firstResponse.assistantEnabled();
        AgentAvailability.Availability now = availability.now();
        if (now instanceof AgentAvailability.Availability.AnswerSoon soon) {
            return new Availability(soon.agentsOnline(), true, assistant, HumanAnswer.ANSWER_SOON, null, null);
        }
        if (now instanceof AgentAvailability.Availability.OffDutyUntil off) {
            return new Availability(0, assistant, assistant, HumanAnswer.OFF_DUTY, off.opening(),
                    userTime.format(off.opening(), locale));
        }
        return new Availability(0, assistant, assistant, HumanAnswer.QUEUED, null, null);
    }

    @PostMapping("/presence")
    @Operation(summary = "Set my availability (staff)")
    @ApiResponse(responseCode = "204", description = "Set")
    ResponseEntity<Void> presence(@RequestHeader(TOKEN_HEADER) String token, @RequestParam AgentPresence.Status status) {
        if (!(participant(token) instanceof Participant.Staff staff)) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        presence.report(staff.userId(), status);
        return ResponseEntity.noContent().build();
    }

    private Participant participant(String token) {
        return tokens.resolve(token).orElseThrow(() -> new ProblemException("invalid-token", FailureKind.UNAUTHENTICATED));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing to do
            }
        }
    }
}
