package io.walletdesk.channels.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The support mailbox. Off by default (no mail server in the embedded setup): mails then wait in the
 * outbox. SMTP itself is configured with Spring Boot's {@code spring.mail.*}.
 *
 * <p>{@code from} ({@code WALLETDESK_MAIL_FROM}) is the sender of every mail; unset, it is the polled mailbox
 * ({@code WALLETDESK_IMAP_USER} when that is an address), so customers' answers come back where we read.
 * {@code domain} ({@code WALLETDESK_MAIL_DOMAIN}) ends every Message-ID and is the name we give in HELO/EHLO;
 * unset, it is the domain of the From address. Never {@code localhost}: receivers score such mail as spam.
 */
@ConfigurationProperties("walletdesk.mail")
record MailSettings(boolean enabled, String from, String domain, Imap imap) {

    static final String FALLBACK_FROM = "support@walletdesk.co.id";

    MailSettings {
        imap = imap == null ? new Imap(null, 993, null, null, "INBOX", true, Duration.ofSeconds(30)) : imap;
        if (from == null || from.isBlank()) {
            from = "WalletDesk Support <" + (isAddress(imap.username()) ? imap.username().strip() : FALLBACK_FROM) + ">";
        }
        if (domain == null || domain.isBlank()) {
            domain = domainOf(from);
        }
    }

    /** The mailbox customers write to. */
    record Imap(String host, int port, String username, String password, String folder, boolean ssl,
            Duration pollInterval) {
    }

    private static boolean isAddress(String value) {
        return value != null && value.strip().matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
    }

    /** The domain part of an address such as {@code WalletDesk <help@mail.example>}; the fallback's when unparseable. */
    static String domainOf(String address) {
        try {
            String bare = new InternetAddress(address, false).getAddress();
            int at = bare == null ? -1 : bare.lastIndexOf('@');
            if (at > 0 && at < bare.length() - 1) {
                return bare.substring(at + 1).toLowerCase(Locale.ROOT);
            }
        } catch (AddressException unparseable) {
            // falls through to the fallback's domain
        }
        return FALLBACK_FROM.substring(FALLBACK_FROM.indexOf('@') + 1);
    }
}
