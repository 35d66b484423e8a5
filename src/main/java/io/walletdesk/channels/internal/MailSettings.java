package io.walletdesk.channels.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The support mailbox. Off by default (no mail server in the embedded setup): mails then wait in the
 * outbox. SMTP itself is configured with Spring Boot's {@code spring.mail.*}.
 */
@ConfigurationProperties("walletdesk.mail")
record MailSettings(boolean enabled, String from, String domain, Imap imap) {

    MailSettings {
        from = from == null ? "WalletDesk Support <support@walletdesk.co.id>" : from;
        domain = domain == null ? "walletdesk.example" : domain;
        imap = imap == null ? new Imap(null, 993, null, null, "INBOX", true, Duration.ofSeconds(30)) : imap;
    }

    /** The mailbox customers write to. */
    record Imap(String host, int port, String username, String password, String folder, boolean ssl,
            Duration pollInterval) {
    }
}
