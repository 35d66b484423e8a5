package io.walletdesk.channels.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Mail as a customer's or a remote server's client sends it to the support mailbox on GreenMail's SMTP port. */
final class TestMails {

    static final String SUPPORT = "help@walletdesk.example";

    private TestMails() {
    }

    /** GreenMail's SMTP and IMAP with the support mailbox, one server for all tests of a class. */
    static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP_IMAP)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, "help", "secret"))
                .withPerMethodLifecycle(false);
    }

    static Session session() {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", "3025");
        return Session.getInstance(smtp);
    }

    static String newMessageId() {
        return "<" + UUID.randomUUID() + "@mail.example.net>";
    }

    /** A plain-text mail with the given Message-ID and extra headers. */
    static void write(String from, String messageId, String subject, String body, Map<String, String> headers)
            throws MessagingException {
        MimeMessage mail = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(new InternetAddress(from, false));
        mail.setRecipients(Message.RecipientType.TO, SUPPORT);
        mail.setSubject(subject, "UTF-8");
        mail.setText(body, "UTF-8");
        for (var header : headers.entrySet()) {
            mail.setHeader(header.getKey(), header.getValue());
        }
        mail.saveChanges();
        Transport.send(mail);
    }

    /** A mail exactly as written (headers and MIME structure untouched), e.g. a delivery report. */
    static void writeRaw(String raw) throws MessagingException {
        Session session = session();
        MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(mail, new InternetAddress[] {new InternetAddress(SUPPORT)});
        }
    }

    static List<MimeMessage> mailsTo(GreenMailExtension server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }
}
