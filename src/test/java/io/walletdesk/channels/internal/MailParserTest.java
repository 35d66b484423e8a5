package io.walletdesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** RFC 3464 reports as other servers write them, and what makes a mail automatic (RFC 3834). */
class MailParserTest {

    private static InboundMail parse(String raw) throws Exception {
        return MailParser.parse(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aReportReturningTheWholeMailGivesItsMessageIdAndADelayIsNoFailure() throws Exception {
        InboundMail mail = parse("""
                From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
                To: help@walletdesk.example
                Subject: Delivery Status Notification (Delay)
                Message-ID: <dsn-1@mx.google.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="X"

                --X
                Content-Type: text/plain; charset=UTF-8

                Delivery incomplete: there was a temporary problem delivering your message.
                --X
                Content-Type: message/delivery-status

                Reporting-MTA: dns; googlemail.com

                Original-Recipient: rfc822;Slow@Example.NET
                Final-Recipient: rfc822; slow@example.net
                Action: delayed
                Status: 4.4.1
                Diagnostic-Code: smtp; 421 4.4.1 try again later

                Final-Recipient: rfc822; gone@example.net
                Action: failed
                Status: 5.2.1
                --X
                Content-Type: message/rfc822

                From: help@walletdesk.example
                To: slow@example.net
                Subject: =?UTF-8?B?W1dELTEwMDQyXSDmiJHku6zlt7LmlLbliLDmgqjnmoTnlZnoqIA=?=
                Message-ID: <abc.123@walletdesk.example>

                Body of our mail.
                --X--
                """);
        assertThat(mail.isBounce()).isTrue();
        assertThat(mail.text()).startsWith("Delivery incomplete");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.status().returnedMessageId()).isEqualTo("<abc.123@walletdesk.example>");
        assertThat(mail.status().returnedSubject()).isEqualTo("[WD-10042] 我们已收到您的留言");
        assertThat(mail.status().recipients()).extracting(InboundMail.Recipient::address)
                .containsExactly("slow@example.net", "gone@example.net");
        assertThat(mail.status().failed()).extracting(InboundMail.Recipient::address).containsExactly("gone@example.net");
    }

    @Test
    void automaticMailIsRecognisedByItsHeadersOrAnOutOfOfficeSubjectAndAPersonsMailIsNot() throws Exception {
        String person = """
                From: budi@example.net
                To: help@walletdesk.example
                Subject: %s
                Message-ID: <p-1@example.net>
                %s
                Content-Type: text/plain; charset=UTF-8

                Halo, saldo saya belum masuk.
                """;
        assertThat(parse(person.formatted("Saldo belum masuk", "Auto-Submitted: no")).automatic()).isEmpty();
        assertThat(parse(person.formatted("Re: out of office hours top-up", "X-Mailer: Outlook")).automatic()).isEmpty();
        assertThat(parse(person.formatted("Saldo", "Auto-Submitted: auto-generated")).automatic()).contains("Auto-Submitted: auto-generated");
        assertThat(parse(person.formatted("Saldo", "Precedence: list")).automatic()).contains("Precedence: list");
        assertThat(parse(person.formatted("Saldo", "List-Id: <promo.example.net>")).automatic()).isPresent();
        assertThat(parse(person.formatted("Automatic reply: Saldo", "X-Mailer: Outlook")).automatic()).isPresent();
        assertThat(parse(person.formatted(MimeUtility.encodeText("自动回复：充值", "UTF-8", "B"), "X-Mailer: Foxmail")).automatic()).isPresent();
    }
}
