package io.walletdesk.channels.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An incoming e-mail reduced to what the support desk needs; header names are lower case. */
record InboundMail(String messageId, String inReplyTo, List<String> references, String from, String fromName,
        String returnPath, String subject, String text, List<String> attachmentNames, boolean deliveryReport,
        Map<String, String> headers) {

    /**
     * Never answer automatically: other robots (Auto-Submitted other than "no", Precedence bulk/junk/list,
     * X-Autoreply, List-Unsubscribe), mailer daemons and mail with an empty Return-Path (RFC 3834).
     */
    boolean mustNotAutoReply() {
        String autoSubmitted = header("auto-submitted");
        String precedence = header("precedence");
        return (autoSubmitted != null && !autoSubmitted.trim().equalsIgnoreCase("no"))
                || (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("bulk|junk|list"))
                || header("x-autoreply") != null || header("x-autorespond") != null
                || header("list-unsubscribe") != null || header("list-id") != null
                || isBounce();
    }

    /** A delivery failure notice: from the mailer daemon, with an empty Return-Path, or a delivery report. */
    boolean isBounce() {
        String sender = from == null ? "" : from.toLowerCase(Locale.ROOT);
        return deliveryReport || sender.startsWith("mailer-daemon@") || sender.startsWith("postmaster@")
                || (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty());
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
