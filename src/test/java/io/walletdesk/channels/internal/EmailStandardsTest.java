package io.walletdesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.testing.TestData;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What real mail servers and clients send and expect (issue 16), on GreenMail's SMTP and IMAP and PostgreSQL: a
 * Postfix-style RFC 3464 delivery report, Message-IDs and HELO in our mail domain, an acknowledgement in the
 * sender's language, an attached file stored and downloadable by staff, out-of-office and bulk mail that opens no
 * conversation, an automatic reply inside a thread that is not the customer's answer, the subject shown to agents.
 */
@MailChannelTest
class EmailStandardsTest {

    @RegisterExtension
    static GreenMailExtension mailServer = TestMails.server();

    private static final Participant.Staff AGENT = new Participant.Staff(990_002L, "Agent Sari");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

    @Autowired
    ImapPoller poller;
    @Autowired
    OutboxMailer mailer;
    @Autowired
    Conversations conversations;
    @Autowired
    MailThreads threads;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;

    private Optional<ConversationView> conversationWith(String address) {
        return conversations.inbox(AGENT, null, null, Channel.EMAIL).stream()
                .filter(c -> address.equalsIgnoreCase(c.contactEmail())).findFirst();
    }

    private List<MessageView> thread(ConversationView conversation) {
        return conversations.messagesAfter(conversation.id(), AGENT, 0, 100);
    }

    private MimeMessage onlyMailTo(String address) {
        mailer.sendPending();
        List<MimeMessage> mails = TestMails.mailsTo(mailServer, address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private Cookie agentSession() throws Exception {
        String email = TestData.email();
        registration.createStaff(Role.AGENT, email, "Agen Surat", "pintu-kuning-lampu-58", null, ClientInfo.system());
        return mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(TestData.clientIp());
            return r;
        }).param("identifier", email).param("password", "pintu-kuning-lampu-58")).andReturn().getResponse().getCookie("WDSESSION");
    }

    @Test
    void aPostfixDeliveryStatusNotificationMarksTheRecipientFailingAndNotesTheConversation() throws Exception {
        String customer = TestData.email();
        TestMails.write(customer, TestMails.newMessageId(), "Saldo tidak bertambah", "Marker-DSN1", Map.of());
        poller.pollOnce();
        ConversationView conversation = conversationWith(customer).orElseThrow();
        MimeMessage ack = onlyMailTo(customer);

        // As Postfix writes it: no In-Reply-To, no reference in the notice; only the returned headers name our mail.
        TestMails.writeRaw("""
                Return-Path: <>
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                To: help@walletdesk.example
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.example.net>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"

                --B0UND
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.example.net.
                I'm sorry to have to inform you that your message could not be delivered to one or more recipients.

                --B0UND
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net
                X-Postfix-Queue-ID: 4F1A2B3C4D
                Arrival-Date: Sun,  6 Dec 2026 16:00:00 +0700 (WIB)

                Final-Recipient: rfc822; %s
                Original-Recipient: rfc822;%s
                Action: failed
                Status: 5.1.1
                Remote-MTA: dns; inbound.example.net
                Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected: User
                    unknown in virtual mailbox table

                --B0UND
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: help@walletdesk.example
                To: %s
                Subject: Thank you
                Message-ID: %s

                --B0UND--
                """.formatted(UUID.randomUUID(), customer, customer, customer, customer, ack.getMessageID())
                .replace("\n", "\r\n"));
        poller.pollOnce();

        assertThat(threads.failing(customer)).isTrue();
        MessageView note = thread(conversation).get(thread(conversation).size() - 1);
        assertThat(note.internalNote()).isTrue();
        assertThat(note.authorType()).isEqualTo(AuthorType.SYSTEM);
        assertThat(note.body()).contains("Delivery failed", customer.toLowerCase(), "failed 5.1.1", "User unknown in virtual mailbox table");
        assertThat(conversations.get(conversation.id(), AGENT).status()).isEqualTo(conversation.status());

        conversations.post(new PostMessage(conversation.id(), AGENT, null, "Jawaban", Channel.EMAIL, false, null, null));
        Thread.sleep(1000);
        mailer.sendPending();
        assertThat(TestMails.mailsTo(mailServer, customer)).as("nothing more goes to a failed recipient").hasSize(1);
    }

    @Test
    void messageIdsAndTheHeloNameUseTheMailDomainNotLocalhost() throws Exception {
        String customer = TestData.email();
        TestMails.write(customer, TestMails.newMessageId(), "Question", "Marker-MID2", Map.of());
        poller.pollOnce();
        MimeMessage ack = onlyMailTo(customer);
        assertThat(ack.getMessageID()).matches("<[^@<>]+@walletdesk\\.example>");
        assertThat(ack.getFrom()).extracting(Object::toString).containsExactly("help@walletdesk.example");
        // GreenMail writes the HELO/EHLO name it was given into the Received header.
        assertThat(Arrays.toString(ack.getHeader("Received"))).contains("HELO walletdesk.example").doesNotContain("HELO localhost");
    }

    @Test
    void aChineseMailIsAcknowledgedAndAnsweredInChineseAndAgentsSeeItsSubject() throws Exception {
        String customer = TestData.email();
        String subject = "充值失败 订单 " + UUID.randomUUID().toString().substring(0, 8);
        TestMails.write(customer, TestMails.newMessageId(), subject, "我昨天用 BCA 充值了二十万，但是余额没有增加。", Map.of());
        poller.pollOnce();
        ConversationView conversation = conversationWith(customer).orElseThrow();
        assertThat(conversation.language()).isEqualTo("zh-CN");
        assertThat(conversation.subject()).isEqualTo(subject);

        MimeMessage ack = onlyMailTo(customer);
        assertThat(ack.getSubject()).isEqualTo("[" + conversation.reference() + "] 我们已收到您的留言");
        assertThat(ack.getContent().toString()).contains("感谢您联系 WalletDesk", conversation.reference());

        conversations.post(new PostMessage(conversation.id(), AGENT, null, "我们已经退款。", Channel.EMAIL, false, null, null));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            mailer.sendPending();
            return TestMails.mailsTo(mailServer, customer).size() == 2;
        });
        MimeMessage reply = TestMails.mailsTo(mailServer, customer).get(1);
        assertThat(reply.getSubject()).isEqualTo("[" + conversation.reference() + "] WalletDesk 客服回复");
        assertThat(reply.getContent().toString()).contains("WalletDesk 客服 Agent Sari 写道", "我们已经退款。");

        Cookie agent = agentSession();
        mvc.perform(get("/staff/conversations/" + conversation.id()).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"conversation-subject\">" + subject + "<")));
        mvc.perform(get("/staff/inbox").param("channel", "EMAIL").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(subject)));
    }

    @Test
    void anAttachedFileIsStoredLikeAnUploadAndStaffCanDownloadIt() throws Exception {
        String customer = TestData.email();
        MimeMessage mail = new MimeMessage(TestMails.session());
        mail.setFrom(new InternetAddress(customer));
        mail.setRecipients(Message.RecipientType.TO, TestMails.SUPPORT);
        mail.setSubject("Bukti transfer");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Ini buktinya. Marker-ATT4", "UTF-8");
        MimeBodyPart screenshot = new MimeBodyPart();
        screenshot.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        screenshot.setFileName("bukti transfer.png");
        MimeBodyPart program = new MimeBodyPart();
        program.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(
                "MZ\u0090\u0000not a picture".getBytes(StandardCharsets.ISO_8859_1), "application/octet-stream")));
        program.setFileName("invoice.exe");
        mail.setContent(new MimeMultipart(text, screenshot, program));
        mail.saveChanges();
        jakarta.mail.Transport.send(mail);
        poller.pollOnce();

        ConversationView conversation = conversationWith(customer).orElseThrow();
        List<MessageView> messages = thread(conversation);
        assertThat(messages).extracting(MessageView::body).first().isEqualTo("Ini buktinya. Marker-ATT4");
        MessageView file = messages.stream().filter(m -> m.body().startsWith("[attachment] ")).findFirst().orElseThrow();
        assertThat(file.body()).startsWith("[attachment] bukti transfer.png");
        assertThat(file.fromCustomer()).isTrue();
        assertThat(messages).anyMatch(m -> m.internalNote() && m.body().contains("invoice.exe") && m.body().contains("not kept"));
        assertThat(messages).noneMatch(m -> !m.internalNote() && m.body().contains("invoice.exe"));

        Cookie agent = agentSession();
        mvc.perform(get("/staff/conversations/" + conversation.id()).cookie(agent))
                .andExpect(content().string(Matchers.containsString(
                        "/staff/conversations/" + conversation.id() + "/messages/" + file.seq() + "/attachment")));
        byte[] downloaded = mvc.perform(get("/staff/conversations/" + conversation.id() + "/messages/" + file.seq()
                        + "/attachment").cookie(agent))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-SHA256", Digests.sha256(PNG)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(PNG);
    }

    @Test
    void outOfOfficeAndBulkMailOpenNoConversationButAreFiledForStaff() throws Exception {
        String away = TestData.email();
        TestMails.write(away, TestMails.newMessageId(), "Automatic reply: Your request", "I am out of the office until Monday.",
                Map.of("Auto-Submitted", "auto-replied", "X-Autoreply", "yes"));
        String outlook = TestData.email();
        TestMails.write(outlook, TestMails.newMessageId(), "Out of Office: promo", "Back on 12 December.", Map.of());
        String list = TestData.email();
        TestMails.write(list, TestMails.newMessageId(), "Weekly deals", "Deals!", Map.of("Precedence", "bulk",
                "List-Id", "<deals.list.example>", "List-Unsubscribe", "<mailto:leave@list.example>"));
        assertThat(poller.pollOnce()).isEqualTo(3);
        mailer.sendPending();

        for (String robot : List.of(away, outlook, list)) {
            assertThat(conversationWith(robot)).as("no conversation for %s", robot).isEmpty();
            assertThat(TestMails.mailsTo(mailServer, robot)).as("no acknowledgement to %s", robot).isEmpty();
            assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'MAIL_FILED' AND details LIKE :from")
                    .param("from", "%" + robot.toLowerCase() + "%").query(String.class).list())
                    .as("filed for staff").singleElement().asString().contains("without a conversation");
        }
    }

    @Test
    void anAutomaticReplyInsideAThreadIsAnInternalNoteAndDoesNotReopen() throws Exception {
        String customer = TestData.email();
        String first = TestMails.newMessageId();
        TestMails.write(customer, first, "Limit", "Why is my limit low? Marker-OOO6", Map.of());
        poller.pollOnce();
        ConversationView conversation = conversationWith(customer).orElseThrow();
        conversations.post(new PostMessage(conversation.id(), AGENT, null, "Please verify your identity.", Channel.EMAIL,
                false, null, null));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            mailer.sendPending();
            return TestMails.mailsTo(mailServer, customer).size() == 2;
        });
        MimeMessage answer = TestMails.mailsTo(mailServer, customer).get(1);
        conversations.changeStatus(conversation.id(), AGENT, ConversationStatus.RESOLVED);
        int before = thread(conversation).size();

        TestMails.write(customer, TestMails.newMessageId(), "Automatic reply: " + answer.getSubject(),
                "I am on leave until 10 December.", Map.of("Auto-Submitted", "auto-replied",
                        "In-Reply-To", answer.getMessageID(), "References", first + " " + answer.getMessageID()));
        poller.pollOnce();

        List<MessageView> after = thread(conversation);
        assertThat(after).hasSize(before + 1);
        MessageView note = after.get(after.size() - 1);
        assertThat(note.internalNote()).isTrue();
        assertThat(note.authorType()).isEqualTo(AuthorType.SYSTEM);
        assertThat(note.body()).contains("Automatic reply from " + customer.toLowerCase(), "I am on leave");
        assertThat(conversations.get(conversation.id(), AGENT).status()).as("not reopened").isEqualTo(ConversationStatus.RESOLVED);
        assertThat(conversations.messagesAfter(conversation.id(), new Participant.Visitor("mail:" + customer.toLowerCase(), "x"), 0, 100))
                .noneMatch(m -> m.body().contains("I am on leave"));
        assertThat(conversations.ofParticipant(new Participant.Visitor("mail:" + customer.toLowerCase(), "x")))
                .as("no new conversation").hasSize(1);
    }
}
