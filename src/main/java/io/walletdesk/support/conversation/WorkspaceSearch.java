package io.walletdesk.support.conversation;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.ledger.WalletHoldings;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds conversations, open or not, by reference, the customer's phone or e-mail, a transaction id (linked, or
 * started by the customer) or words in the messages. Each hit is then read through {@link Conversations#get}, so a
 * staff member only ever finds what their team may see.
 */
@Component
class WorkspaceSearch {

    static final int LIMIT = 50;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final WalletHoldings holdings;
    private final Conversations conversations;

    WorkspaceSearch(JdbcClient jdbc, Accounts accounts, WalletHoldings holdings, Conversations conversations) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.holdings = holdings;
        this.conversations = conversations;
    }

    List<ConversationView> search(String query, Participant.Staff staff) {
        String q = query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        String lower = q.toLowerCase(Locale.ROOT);
        Long transaction = q.matches("\\d{1,18}") ? Long.valueOf(q) : null;
        Long owner = transaction == null ? null : holdings.ownerOf(transaction).orElse(null);
        Long customer = (q.contains("@") ? accounts.findCustomerByEmail(q) : phoneLike(q)
                ? accounts.findCustomerByPhone(q) : java.util.Optional.<AccountView>empty())
                .map(AccountView::id).orElse(null);
        String like = "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Long> ids = jdbc.sql("""
                SELECT c.id FROM conversations c
                WHERE UPPER(c.reference) = :ref OR LOWER(c.contact_email) = :lower OR c.contact_phone = :q
                   OR LOWER(c.contact_name) LIKE :like ESCAPE '\\'
                   OR c.customer_user_id = :customer OR c.customer_user_id = :owner
                   OR c.id IN (SELECT t.conversation_id FROM conversation_transactions t WHERE t.transaction_id = :tx)
                   OR c.id IN (SELECT m.conversation_id FROM conversation_messages m WHERE LOWER(m.body) LIKE :like ESCAPE '\\')
                ORDER BY c.updated_at DESC LIMIT :limit""")
                .param("ref", q.toUpperCase(Locale.ROOT)).param("lower", lower).param("q", q).param("like", like)
                .param("customer", customer, Types.BIGINT).param("owner", owner, Types.BIGINT)
                .param("tx", transaction, Types.BIGINT).param("limit", LIMIT)
                .query(Long.class).list();
        List<ConversationView> found = new ArrayList<>();
        for (long id : ids) {
            try {
                found.add(conversations.get(id, staff));
            } catch (ProblemException notForThisStaff) {
                // Another team's conversation: not found, as everywhere else.
            }
        }
        return found;
    }

    private static boolean phoneLike(String q) {
        return q.replaceAll("[\\s+()-]", "").matches("\\d{8,15}");
    }
}
