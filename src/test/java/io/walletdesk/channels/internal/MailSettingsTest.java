package io.walletdesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sender defaults to the polled mailbox, and Message-IDs and HELO to the sender's domain (issue 16). */
class MailSettingsTest {

    private static MailSettings.Imap mailbox(String username) {
        return new MailSettings.Imap("imap.walletdesk.co.id", 993, username, "secret", "INBOX", true, Duration.ofSeconds(30));
    }

    @Test
    void fromDefaultsToThePolledMailboxAndTheDomainToItsDomain() {
        MailSettings settings = new MailSettings(true, null, null, mailbox("Bantuan@CS.WalletDesk.co.id"));
        assertThat(settings.from()).isEqualTo("WalletDesk Support <Bantuan@CS.WalletDesk.co.id>");
        assertThat(settings.domain()).isEqualTo("cs.walletdesk.co.id");
    }

    @Test
    void anExplicitFromAndDomainWin() {
        MailSettings settings = new MailSettings(true, "Help <help@mail.example>", null, mailbox("bantuan@walletdesk.co.id"));
        assertThat(settings.domain()).isEqualTo("mail.example");
        assertThat(new MailSettings(true, "help@mail.example", "walletdesk.co.id", mailbox("x")).domain())
                .isEqualTo("walletdesk.co.id");
    }

    @Test
    void aMailboxUserThatIsNoAddressFallsBackToTheDefaultSender() {
        MailSettings settings = new MailSettings(true, "", "", mailbox("help"));
        assertThat(settings.from()).isEqualTo("WalletDesk Support <" + MailSettings.FALLBACK_FROM + ">");
        assertThat(settings.domain()).isEqualTo("walletdesk.co.id");
    }
}
