package io.walletdesk.channels.internal;

import io.walletdesk.disputes.Complaints;
import io.walletdesk.identity.Accounts;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.shared.failure.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * K1 by e-mail: a new mail whose subject says it is a complaint ("Complaint: …", "Pengaduan …", "投诉 …")
 * from a customer's registered address is filed as a formal complaint about that conversation, with a
 * reference, deadlines and the acknowledgement in the customer's language. From an unknown address the
 * agent gets a note to confirm who is writing and convert the conversation by hand.
 */
@Component
class MailComplaints {

    static final Pattern COMPLAINT_SUBJECT = Pattern.compile(
            "^\\s*(?:\\[[^]]*]\\s*)?(?:formal\\s+)?(?:complaint|pengaduan|keluhan\\s+resmi|aduan|投诉|申诉)\\b.*|^\\s*(?:投诉|申诉).*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Participant.System MAILROOM = new Participant.System("WalletDesk mail");

    private final Complaints complaints;
    private final Accounts accounts;
    private final Conversations conversations;

    MailComplaints(Complaints complaints, Accounts accounts, Conversations conversations) {
        this.complaints = complaints;
        this.accounts = accounts;
        this.conversations = conversations;
    }

    static boolean isComplaint(String subject) {
        return subject != null && COMPLAINT_SUBJECT.matcher(subject).matches();
    }

    /** Files the complaint, or leaves the agent a note when that is not possible; never fails the intake. */
    void fileFromMail(ConversationView conversation, Participant sender, String email, String subject, String body) {
        if (!(sender instanceof Participant.Customer customer)) {
            note(conversation, "The sender asked for a formal complaint by e-mail but the address is not a registered "
                    + "customer's. Confirm who is writing, then turn this conversation into a complaint.");
            return;
        }
        String language = accounts.find(customer.userId()).map(a -> a.language().tag()).orElse("en");
        String description = ((subject == null ? "" : subject.strip()) + "\n\n" + (body == null ? "" : body.strip())).strip();
        if (description.length() > 5000) {
            description = description.substring(0, 5000);
        }
        try {
            var complaint = complaints.file(new Complaints.FileComplaint(customer.userId(), email, language,
                    category(description), description, conversation.id()));
            note(conversation, "Filed from e-mail as formal complaint " + complaint.reference() + ".");
        } catch (ProblemException rejected) {
            note(conversation, "The sender asked for a formal complaint by e-mail, but it could not be filed ("
                    + rejected.code() + "). Turn this conversation into a complaint by hand.");
        }
    }

    /** A first guess from the words used; staff can change the category. */
    static String category(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches("(?s).*(fraud|scam|hack|penipu|dibobol|diretas|诈骗|被盗|盗刷|骗).*")) {
            return "FRAUD";
        }
        if (t.matches("(?s).*(top[- ]?up|isi saldo|充值).*")) {
            return "TOP_UP";
        }
        if (t.matches("(?s).*(transfer|kirim uang|转账).*")) {
            return "TRANSFER";
        }
        if (t.matches("(?s).*(payment|pembayaran|bayar|付款|支付).*")) {
            return "PAYMENT";
        }
        if (t.matches("(?s).*(locked|blocked|blokir|terkunci|冻结|封号).*")) {
            return "ACCOUNT_LOCK";
        }
        if (t.matches("(?s).*(fee|biaya|手续费).*")) {
            return "FEES";
        }
        return "OTHER";
    }

    private void note(ConversationView conversation, String text) {
        conversations.post(new PostMessage(conversation.id(), MAILROOM, null, text, Channel.EMAIL, true, null, null));
    }
}
