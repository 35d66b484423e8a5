package io.walletdesk.support.conversation;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.ConversationHandedOver;
import io.walletdesk.support.FirstResponse;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link FirstResponse}: the desk-wide switch lives in the database so every node agrees (its default comes from
 * {@code walletdesk.assistant.enabled}); who answers each chat is kept in {@code conversation_responder}.
 */
@Service
class AssistantFirstResponse implements FirstResponse {

    /** Who answers a chat. */
    enum Responder { ASSISTANT, HUMANS }

    static final String ASSISTANT_SWITCH = "assistant-first-response";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean enabledByDefault;

    AssistantFirstResponse(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, Clock clock,
            @Value("${walletdesk.assistant.enabled:true}") boolean enabledByDefault) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.enabledByDefault = enabledByDefault;
    }

    @Override
    public boolean assistantEnabled() {
        return jdbc.sql("SELECT enabled FROM support_switch WHERE name = :n").param("n", ASSISTANT_SWITCH)
                .query(Boolean.class).optional().orElse(enabledByDefault);
    }

    @Override
    @Transactional
    public void setAssistantEnabled(boolean enabled, Long byUserId, ClientInfo client) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE support_switch SET enabled = :e, changed_by = :by, changed_at = :now WHERE name = :n")
                .param("e", enabled).param("by", byUserId).param("now", now).param("n", ASSISTANT_SWITCH).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO support_switch (name, enabled, changed_by, changed_at) VALUES (:n, :e, :by, :now)")
                    .param("e", enabled).param("by", byUserId).param("now", now).param("n", ASSISTANT_SWITCH).update();
        }
        audit.record(AuditEntry.of(enabled ? "ASSISTANT_ENABLED" : "ASSISTANT_DISABLED", byUserId, null, null, null, client));
    }

    @Override
    public boolean withAssistant(long conversationId) {
        return jdbc.sql("SELECT responder FROM conversation_responder WHERE conversation_id = :id")
                .param("id", conversationId).query(String.class).optional().map(Responder.ASSISTANT.name()::equals).orElse(false);
    }

    /** Called when a chat starts: the assistant takes it if the desk has it switched on. */
    void onChatStarted(long conversationId) {
        if (assistantEnabled()) {
            jdbc.sql("INSERT INTO conversation_responder (conversation_id, responder, changed_at) VALUES (:id, :assistant, :now)")
                    .param("id", conversationId).param("assistant", Responder.ASSISTANT.name()).param("now", Timestamp.from(clock.instant())).update();
        }
    }

    /** An agent wrote in the chat: from now on humans answer. */
    void onStaffMessage(long conversationId) {
        jdbc.sql("""
                UPDATE conversation_responder SET responder = :humans, changed_at = :now
                WHERE conversation_id = :id AND responder = :assistant""")
                .param("humans", Responder.HUMANS.name()).param("assistant", Responder.ASSISTANT.name())
                .param("id", conversationId).param("now", Timestamp.from(clock.instant())).update();
    }

    @Override
    @Transactional
    public boolean handOver(long conversationId, String intent) {
        int changed = jdbc.sql("""
                UPDATE conversation_responder SET responder = :humans, intent = :intent, changed_at = :now
                WHERE conversation_id = :id AND responder = :assistant""")
                .param("humans", Responder.HUMANS.name()).param("assistant", Responder.ASSISTANT.name())
                .param("intent", intent).param("id", conversationId).param("now", Timestamp.from(clock.instant())).update();
        if (changed == 1) {
            events.publishEvent(new ConversationHandedOver(conversationId, intent));
        }
        return changed == 1;
    }
}
