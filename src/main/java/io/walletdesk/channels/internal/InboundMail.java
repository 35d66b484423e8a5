package io.walletdesk.channels.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An incoming e-mail reduced to what the support desk needs; header names are lower case. {@code status} is the
 * RFC 3464 delivery report of a {@code multipart/report; report-type=delivery-status} mail, else null.
 */
record InboundMail(String messageId, String inReplyTo, List<String> references, String from, String fromName,
        String returnPath, String subject, String text, List<MailAttachment> attachments, boolean deliveryReport,
        DeliveryStatus status, Map<String, String> headers) {

    /** Subjects that out-of-office and other automatic replies use when they carry none of the RFC 3834 headers. */
    private static final Pattern AUTOMATIC_SUBJECT = Pattern.compile(
            "^\\s*(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheitsnotiz|balasan otomatis"
                    + "|sedang cuti|自动回复|自動回覆|不在办公室)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A file that came with the mail; {@code content} is null when it was larger than {@code MAX_BYTES}. */
    record MailAttachment(String filename, String declaredType, byte[] content) {
    }

    /** One RFC 3464 per-recipient block. */
    record Recipient(String finalRecipient, String originalRecipient, String action, String status, String diagnostic) {

        /** The address the report is about: Final-Recipient, else Original-Recipient, without the address type. */
        String address() {
            String address = finalRecipient != null ? finalRecipient : originalRecipient;
            if (address == null) {
                return null;
            }
            int semicolon = address.indexOf(';');
            String bare = (semicolon >= 0 ? address.substring(semicolon + 1) : address).replaceAll("[<>\\s]", "");
            return bare.isEmpty() ? null : bare.toLowerCase(Locale.ROOT);
        }

        /** RFC 3464: {@code Action: failed}, or a permanent ({@code 5.x.x}) status. */
        boolean failed() {
            return (action != null && action.trim().equalsIgnoreCase("failed"))
                    || (status != null && status.trim().startsWith("5."));
        }
    }

    /** The machine-readable part of a delivery report and the headers of the mail it returns. */
    record DeliveryStatus(List<Recipient> recipients, String returnedMessageId, String returnedSubject) {

        List<Recipient> failed() {
            return recipients.stream().filter(Recipient::failed).filter(r -> r.address() != null).toList();
        }
    }

    /**
     * Never answer automatically: other robots (Auto-Submitted other than "no", Precedence bulk/junk/list,
     * X-Autoreply, List-Unsubscribe), mailer daemons and mail with an empty Return-Path (RFC 3834).
     */
    boolean mustNotAutoReply() {
        return automatic().isPresent() || isBounce();
    }

    /**
     * Why this mail was sent by a machine and not a person (an out-of-office reply, a newsletter, a mailing list),
     * naming the header that says so; empty for a person's mail. Such mail never opens a conversation.
     */
    Optional<String> automatic() {
        String autoSubmitted = header("auto-submitted");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.trim());
        }
        String precedence = header("precedence");
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return Optional.of("Precedence: " + precedence.trim());
        }
        for (String name : List.of("x-autoreply", "x-autorespond", "list-id", "list-unsubscribe")) {
            if (header(name) != null) {
                return Optional.of(name + ": " + header(name).trim());
            }
        }
        if (subject != null && AUTOMATIC_SUBJECT.matcher(subject).matches()) {
            return Optional.of("Subject: " + subject.strip());
        }
        return Optional.empty();
    }

    /** A delivery failure notice: from the mailer daemon, with an empty Return-Path, or a delivery report. */
    boolean isBounce() {
        String sender = from == null ? "" : from.toLowerCase(Locale.ROOT);
        return deliveryReport || status != null || sender.startsWith("mailer-daemon@") || sender.startsWith("postmaster@")
                || (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty());
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
