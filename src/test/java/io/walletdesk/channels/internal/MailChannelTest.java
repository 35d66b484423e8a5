package io.walletdesk.channels.internal;

import io.walletdesk.testing.WalletDeskTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on PostgreSQL with the e-mail channel pointed at GreenMail (SMTP 3025, IMAP 3143, mailbox
 * {@code help@walletdesk.example}); the tests poll and send themselves. One configuration, so one shared context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WalletDeskTest
@TestPropertySource(properties = {
    "walletdesk.mail.enabled=true", "walletdesk.mail.from=help@walletdesk.example",
    "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
    "walletdesk.mail.imap.host=127.0.0.1", "walletdesk.mail.imap.port=3143", "walletdesk.mail.imap.ssl=false",
    "walletdesk.mail.imap.username=help", "walletdesk.mail.imap.password=secret", "walletdesk.mail.imap.folder=INBOX",
    "walletdesk.mail.imap.poll-interval=PT1H", "walletdesk.mail.send-interval=PT1H",
    // A scheduled run at the same moment as a test's own would send the same mail twice.
    "walletdesk.mail.imap.poll-initial-delay=PT1H", "walletdesk.mail.send-initial-delay=PT1H"})
@interface MailChannelTest {
}
