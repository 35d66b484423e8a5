package io.walletdesk.support.conversation;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.WalletHoldings;
import io.walletdesk.ledger.WalletStanding;
import io.walletdesk.ledger.WalletTransactions;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.reachability.CustomerDiagnostics;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.CustomerFacts;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's right pane: the wallet beside the words. For a customer: account status and lock reason, tier,
 * limits used this month, balance and holds, the last transactions with their timelines and the explanation of
 * each failure reason; for a visitor: what the conversation knows (name, e-mail, phone, device).
 */
@Component
class CustomerPanel {

    private final Accounts accounts;
    private final WalletStanding standing;
    private final WalletHoldings holdings;
    private final WalletTransactions transactions;
    private final Conversations conversations;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final CustomerDiagnostics diagnostics;
    private final ObjectProvider<CustomerFacts> facts;

    CustomerPanel(Accounts accounts, WalletStanding standing, WalletHoldings holdings, WalletTransactions transactions,
            Conversations conversations, MessageSource messages, JdbcClient jdbc, AuditTrail audit, Clock clock,
            CustomerDiagnostics diagnostics, ObjectProvider<CustomerFacts> facts) {
        this.diagnostics = diagnostics;
        this.facts = facts;
        this.accounts = accounts;
        this.standing = standing;
        this.holdings = holdings;
        this.transactions = transactions;
        this.conversations = conversations;
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything the pane shows; {@code account} null for a visitor. */
    record Panel(ConversationView conversation, AccountView account, WalletStanding.Standing standing,
            WalletHoldings.Held held, String balance, String heldAmount, String receivedThisMonth,
            String maxMonthlyIncoming, String maxBalance, List<Tx> transactions, List<ConversationView> previous,
            String device, List<CustomerFacts.Section> sections, List<CustomerDiagnostics.Recent> diagnostics) {
    }

    /** A transaction as the agent reads it: amounts formatted, reason explained, steps in order. */
    record Tx(long id, TransactionKind kind, TransactionStatus status, String amount, String reasonCode, String explanation,
            String next, Instant expectedBy, Instant createdAt, List<WalletHoldings.Step> steps, boolean linked) {
    }

    Panel of(ConversationView conversation, List<MessageView> history, Locale locale) {
        String device = history.stream().filter(MessageView::fromCustomer).filter(m -> m.os() != null)
                .reduce((a, b) -> b).map(m -> m.browser() + " · " + m.os()
                        + (m.appVersion() != null ? " · app " + m.appVersion() : "")).orElse(null);
        Long userId = conversation.customerUserId();
        if (userId == null) {
            return new Panel(conversation, null, null, null, null, null, null, null, null, List.of(), List.of(), device,
                    List.of(), List.of());
        }
        AccountView account = accounts.find(userId).orElse(null);
        WalletStanding.Standing wallet = standing.of(userId).orElse(null);
        WalletHoldings.Held held = holdings.held(userId);
        Set<Long> linked = linked(conversation.id());
        List<Tx> lines = transactions.recent(userId, 8).stream().map(t -> new Tx(t.id(), t.kind(), t.status(),
                Money.format(t.amount()), t.reasonCode(), reason(t, ".explain", locale), reason(t, ".next", locale),
                t.expectedBy(), t.createdAt(), holdings.timeline(userId, t.id()), linked.contains(t.id()))).toList();
        List<ConversationView> previous = conversations.ofParticipant(new Participant.Customer(userId, "")).stream()
                .filter(c -> c.id() != conversation.id()).limit(5).toList();
        return new Panel(conversation, account, wallet, held,
                wallet == null ? null : Money.format(wallet.balance()), Money.format(held.amount()),
                wallet == null ? null : Money.format(wallet.receivedThisMonth()),
                wallet == null ? null : Money.format(wallet.maxMonthlyIncoming()),
                wallet == null ? null : Money.format(wallet.maxBalance()), lines, previous, device,
                facts.orderedStream().flatMap(f -> f.about(userId, locale).stream()).toList(),
                diagnostics.of(userId, 3));
    }

    /**
     * Fills a canned response's panel placeholders in the customer's language: {failure} with the explanation of
     * their last failed transaction, {balance} with their wallet balance.
     */
    String fill(String body, ConversationView conversation) {
        if (!body.contains("{failure}") && !body.contains("{balance}")) {
            return body;
        }
        Panel facts = of(conversation, List.of(), Locale.forLanguageTag(conversation.language()));
        String failure = facts.transactions().stream().filter(t -> t.status() == TransactionStatus.FAILED && t.explanation() != null)
                .map(Tx::explanation).findFirst().orElse("");
        return body.replace("{failure}", failure).replace("{balance}", facts.balance() == null ? "-" : facts.balance());
    }

    private String reason(WalletTransactions.Summary t, String part, Locale locale) {
        if (t.reasonCode() == null) {
            return null;
        }
        Object[] args = t.reasonArgs() == null ? new Object[0] : t.reasonArgs().toArray();
        return messages.getMessage("reason." + t.reasonCode() + part, args, null, locale);
    }

    Set<Long> linked(long conversationId) {
        return new HashSet<>(jdbc.sql("SELECT transaction_id FROM conversation_transactions WHERE conversation_id = :c")
                .param("c", conversationId).query(Long.class).list());
    }

    /**
     * Links one of the conversation's customer's transactions to it (once), audited. Only the customer's own
     * transactions can be linked: a made-up id finds nothing and changes nothing.
     */
    boolean link(ConversationView conversation, long transactionId, long staffUserId, String staffRole,
            ClientInfo client) {
        Long userId = conversation.customerUserId();
        if (userId == null || transactions.find(userId, transactionId).isEmpty()
                || linked(conversation.id()).contains(transactionId)) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO conversation_transactions (conversation_id, transaction_id, linked_by_user_id, linked_at)
                VALUES (:c, :t, :by, :at)""")
                .param("c", conversation.id()).param("t", transactionId).param("by", staffUserId)
                .param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditEntry.of("CONVERSATION_TRANSACTION_LINKED", staffUserId, staffRole, userId,
                conversation.reference() + " transaction=" + transactionId, client));
        return true;
    }
}
