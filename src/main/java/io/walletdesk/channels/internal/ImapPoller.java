package io.walletdesk.channels.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Properties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the support mailbox over IMAP, once per cluster (ShedLock). A mail is marked seen only after it
 * is stored, so a crash or database outage means it is read again next time, never lost.
 */
@Component
@ConditionalOnProperty(name = "walletdesk.mail.enabled", havingValue = "true")
class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final MailSettings settings;
    private final MailIngest ingest;

    ImapPoller(MailSettings settings, MailIngest ingest) {
        this.settings = settings;
        this.ingest = ingest;
    }

    @Scheduled(fixedDelayString = "${walletdesk.mail.imap.poll-interval:PT30S}",
            initialDelayString = "${walletdesk.mail.imap.poll-initial-delay:PT10S}")
    @SchedulerLock(name = "imap-poll", lockAtMostFor = "PT5M")
    public void poll() {
        try {
            pollOnce();
        } catch (MessagingException failure) {
            log.warn("Mailbox poll failed; retrying at the next interval: {}", failure.getMessage());
        }
    }

    /** Reads every unseen mail; returns how many were handled. */
    int pollOnce() throws MessagingException {
        MailSettings.Imap imap = settings.imap();
        if (imap.host() == null || imap.host().isBlank()) {
            return 0;
        }
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "20000");
        Store store = Session.getInstance(properties).getStore(imap.ssl() ? "imaps" : "imap");
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        int handled = 0;
        try {
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    try {
                        ingest.ingest(MailParser.parse((MimeMessage) message));
                        message.setFlag(Flags.Flag.SEEN, true);
                        handled++;
                    } catch (Exception unreadable) {
                        log.warn("Could not store a mail; it stays unseen and is retried", unreadable);
                    }
                }
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
        return handled;
    }
}
