package io.walletdesk.channels.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads what the desk needs from a MIME message: ids, sender, subject, plain text, attachment names. */
final class MailParser {

    private MailParser() {
    }

    static InboundMail parse(MimeMessage mime) throws MessagingException, IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        Enumeration<Header> all = mime.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        String from = null;
        String fromName = null;
        if (mime.getFrom() != null && mime.getFrom().length > 0 && mime.getFrom()[0] instanceof InternetAddress address) {
            from = address.getAddress();
            fromName = address.getPersonal();
        }
        String references = mime.getHeader("References", " ");
        List<String> referenceIds = references == null ? List.of()
                : Arrays.stream(references.trim().split("\\s+")).filter(s -> !s.isBlank()).toList();
        List<String> attachments = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        String text = text(mime, attachments, html);
        if (text == null && !html.isEmpty()) {
            text = html.toString().replaceAll("(?is)<(script|style).*?</\\1>", "").replaceAll("<br\\s*/?>", "\n")
                    .replaceAll("</p>", "\n").replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&amp;", "&")
                    .replace("&lt;", "<").replace("&gt;", ">");
        }
        boolean report = mime.isMimeType("multipart/report");
        return new InboundMail(mime.getMessageID(), mime.getHeader("In-Reply-To", null), referenceIds, from, fromName,
                mime.getHeader("Return-Path", null), mime.getSubject(), text, attachments, report, headers);
    }

    private static String text(Part part, List<String> attachments, StringBuilder html) throws MessagingException, IOException {
        String filename = part.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (filename != null && !part.isMimeType("text/*"))) {
            if (filename != null) {
                attachments.add(MimeUtility.decodeText(filename));
            }
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("text/html")) {
            html.append(part.getContent());
            return null;
        }
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof Message) {
            return null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String found = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child, attachments, html);
                if (found == null && text != null) {
                    found = text;
                }
            }
            return found;
        }
        return null;
    }
}
