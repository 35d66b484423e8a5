package io.walletdesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.testing.TestData;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The e-mail channel against a real SMTP and IMAP server (GreenMail): a mail becomes a conversation, the
 * agent's reply goes out by mail, the customer's answer threads back; duplicates, robots and bounces.
 */
@MailChannelTest
class EmailChannelTest {

    @RegisterExtension
    static GreenMailExtension mailServer = TestMails.server();

    @Autowired
    ImapPoller poller;
    @Autowired
    OutboxMailer mailer;
    @Autowired
    Conversations conversations;

    private static final Participant.Staff AGENT = new Participant.Staff(990_001L, "Agent Rina");

    private void customerWrites(String from, String messageId, String subject, String body, Map<String, String> headers)
            throws MessagingException {
        TestMails.write(from, messageId, subject, body, headers);
    }

    private static String newMessageId() {
        return TestMails.newMessageId();
    }

    private List<MimeMessage> mailsTo(String address) {
        return TestMails.mailsTo(mailServer, address);
    }

    private ConversationView conversationOf(String messageIdPart) {
        return conversations.inbox(AGENT, null, null, Channel.EMAIL).stream()
                .filter(c -> conversations.messagesAfter(c.id(), AGENT, 0, 50).stream()
                        .anyMatch(m -> m.body().contains(messageIdPart)))
                .findFirst().orElseThrow();
    }

    @Test
    void aMailBecomesAConversationAndTheThreadRoundTrips() throws Exception {
        String customer = TestData.email();
        String firstId = newMessageId();
        customerWrites(customer, firstId, "Top-up failed", "My BCA top-up of Rp 200.000 failed. Marker-A1", Map.of());
        assertThat(poller.pollOnce()).isEqualTo(1);
        ConversationView conversation = conversationOf("Marker-A1");
        assertThat(conversation.channel()).isEqualTo(Channel.EMAIL);
        assertThat(conversation.subject()).isEqualTo("Top-up failed");

        mailer.sendPending();
        MimeMessage ack = mailsTo(customer).get(0);
        assertThat(ack.getSubject()).contains("[" + conversation.reference() + "]");
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");

        conversations.post(new PostMessage(conversation.id(), AGENT, null, "We refunded it. Marker-B2", Channel.EMAIL,
                false, null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            mailer.sendPending();
            return mailsTo(customer).size() == 2;
        });
        MimeMessage reply = mailsTo(customer).get(1);
        assertThat(reply.getContent().toString()).contains("We refunded it. Marker-B2");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(firstId);
        assertThat(reply.getHeader("Auto-Submitted")).isNull();

        customerWrites(customer, newMessageId(), "Re: " + reply.getSubject(),
                "Thanks, received. Marker-C3\n\nOn Tue, WalletDesk wrote:\n> We refunded it.",
                Map.of("In-Reply-To", reply.getMessageID(), "References", firstId + " " + reply.getMessageID()));
        poller.pollOnce();
        List<MessageView> thread = conversations.messagesAfter(conversation.id(), AGENT, 0, 50);
        assertThat(thread).extracting(MessageView::body).containsExactly(
                "My BCA top-up of Rp 200.000 failed. Marker-A1", "We refunded it. Marker-B2", "Thanks, received. Marker-C3");
    }

    @Autowired
    io.walletdesk.disputes.Complaints complaints;

    @Test
    void aComplaintByMailFromACustomerIsFiledWithAReferenceAndAcknowledgedInTheirLanguage() throws Exception {
        String customer = TestData.email();
        long userId = registration.register(new io.walletdesk.identity.internal.Registration.RegisterCustomer(TestData.phone(), customer,
                "Hendra Wijaya", "id", TestData.PASSWORD), io.walletdesk.shared.web.ClientInfo.system());
        customerWrites(customer, newMessageId(), "Pengaduan: transfer Rp 500.000 tidak sampai",
                "Saya sudah transfer ke adik saya kemarin tapi belum sampai. Marker-K1", Map.of());
        poller.pollOnce();
        var filed = complaints.ofCustomer(userId);
        assertThat(filed).hasSize(1);
        assertThat(filed.get(0).reference()).startsWith("CMP-");
        assertThat(filed.get(0).category()).isEqualTo("TRANSFER");
        assertThat(filed.get(0).language()).isEqualTo("id");
        assertThat(filed.get(0).conversationId()).isEqualTo(conversationOf("Marker-K1").id());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            mailer.sendPending();
            return mailsTo(customer).stream().anyMatch(m -> {
                try {
                    return (m.getSubject() + m.getContent()).contains(filed.get(0).reference());
                } catch (Exception e) {
                    return false;
                }
            });
        });

        String stranger = TestData.email();
        customerWrites(stranger, newMessageId(), "Complaint about my account", "Nobody helps me. Marker-K2", Map.of());
        poller.pollOnce();
        assertThat(conversations.messagesAfter(conversationOf("Marker-K2").id(), AGENT, 0, 10))
                .anyMatch(m -> m.internalNote() && m.body().contains("not a registered customer"));
    }

    @Test
    void aRedeliveredMailIsStoredOnceAndTheSubjectReferenceIsCheckedAgainstTheSender() throws Exception {
        String customer = TestData.email();
        String id = newMessageId();
        customerWrites(customer, id, "Locked account", "Why is my account locked? Marker-D4", Map.of());
        customerWrites(customer, id, "Locked account", "Why is my account locked? Marker-D4", Map.of());
        poller.pollOnce();
        ConversationView conversation = conversationOf("Marker-D4");
        assertThat(conversations.messagesAfter(conversation.id(), AGENT, 0, 50)).hasSize(1);

        String stranger = TestData.email();
        customerWrites(stranger, newMessageId(), "[" + conversation.reference() + "] let me in", "Marker-E5", Map.of());
        poller.pollOnce();
        assertThat(conversations.messagesAfter(conversation.id(), AGENT, 0, 50)).hasSize(1);
        assertThat(conversationOf("Marker-E5").id()).isNotEqualTo(conversation.id());
    }

    @Test
    void robotsGetNoAutoReplyAndBouncesMarkTheAddress() throws Exception {
        String robot = TestData.email();
        customerWrites(robot, newMessageId(), "Out of office", "I am away. Marker-F6", Map.of("Auto-Submitted", "auto-replied"));
        String list = TestData.email();
        customerWrites(list, newMessageId(), "Newsletter", "Deals! Marker-G7", Map.of("Precedence", "bulk",
                "List-Unsubscribe", "<mailto:unsubscribe@list.example>"));
        poller.pollOnce();
        mailer.sendPending();
        assertThat(mailsTo(robot)).isEmpty();
        assertThat(mailsTo(list)).isEmpty();

        // A customer whose mailbox bounces our acknowledgement.
        String gone = TestData.email();
        customerWrites(gone, newMessageId(), "Help", "Marker-H8", Map.of());
        poller.pollOnce();
        mailer.sendPending();
        MimeMessage ack = mailsTo(gone).get(0);
        ConversationView conversation = conversationOf("Marker-H8");
        customerWrites("mailer-daemon@mail.example.net", newMessageId(), "Undelivered Mail Returned to Sender",
                "Delivery to " + gone + " failed: mailbox unavailable", Map.of("In-Reply-To", ack.getMessageID()));
        poller.pollOnce();
        List<MessageView> thread = conversations.messagesAfter(conversation.id(), AGENT, 0, 50);
        assertThat(thread.get(thread.size() - 1).internalNote()).isTrue();
        assertThat(thread.get(thread.size() - 1).body()).contains("Delivery failed");
        assertThat(conversations.messagesAfter(conversation.id(),
                new Participant.Visitor("mail:" + gone, "x"), 0, 50)).as("the customer does not see the bounce").hasSize(1);

        conversations.post(new PostMessage(conversation.id(), AGENT, null, "Answer", Channel.EMAIL, false, null, null));
        Thread.sleep(1000);
        mailer.sendPending();
        assertThat(mailsTo(gone)).as("no more mail to a bouncing address").hasSize(1);
    }

    @Autowired
    io.walletdesk.identity.internal.Registration registration;
    @Autowired
    io.walletdesk.shared.outbox.OutboundMessages outbox;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyMailToACustomerStartsWithTheirAntiPhishingPhrase() throws Exception {
        String email = io.walletdesk.testing.TestData.email();
        long user = registration.register(new io.walletdesk.identity.internal.Registration.RegisterCustomer(
                io.walletdesk.testing.TestData.phone(), email, "Laras", "en", io.walletdesk.testing.TestData.PASSWORD),
                io.walletdesk.shared.web.ClientInfo.system());
        jdbc.sql("INSERT INTO reach_anti_phishing_phrase (user_id, phrase, updated_at) VALUES (:u, 'kucing oranye', :now)")
                .param("u", user).param("now", java.sql.Timestamp.from(java.time.Instant.now())).update();
        outbox.queue(new io.walletdesk.shared.outbox.OutboundMessage(io.walletdesk.shared.outbox.OutboundMessage.Channel.EMAIL,
                email, "Test", "Body text", "SUPPORT_REPLY"));
        mailer.sendPending();
        String body = mailsTo(email).get(0).getContent().toString();
        assertThat(body).startsWith("Your WalletDesk security phrase: «kucing oranye»");
        assertThat(body).contains("Body text");
    }

    @Test
    void aCommunityUpdateCarriesThePhraseAndOneClickUnsubscribe() throws Exception {
        String email = io.walletdesk.testing.TestData.email();
        long user = registration.register(new io.walletdesk.identity.internal.Registration.RegisterCustomer(
                io.walletdesk.testing.TestData.phone(), email, "Bayu", "en", io.walletdesk.testing.TestData.PASSWORD),
                io.walletdesk.shared.web.ClientInfo.system());
        jdbc.sql("INSERT INTO reach_anti_phishing_phrase (user_id, phrase, updated_at) VALUES (:u, 'gajah biru', :now)")
                .param("u", user).param("now", java.sql.Timestamp.from(java.time.Instant.now())).update();
        String unsubscribe = "http://localhost:8080/community/unsubscribe?token=abc123";
        outbox.queue(new io.walletdesk.shared.outbox.OutboundMessage(io.walletdesk.shared.outbox.OutboundMessage.Channel.EMAIL,
                email, "New reply: QRIS", "Someone replied:\nhttp://localhost:8080/community/topics/1\n\nStop: " + unsubscribe,
                "COMMUNITY_UPDATE"));
        mailer.sendPending();
        MimeMessage mail = mailsTo(email).get(0);
        assertThat(mail.getContent().toString()).startsWith("Your WalletDesk security phrase: «gajah biru»");
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }
}
