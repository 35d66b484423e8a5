package io.walletdesk.channels.internal;

import io.walletdesk.support.Attachments;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what the desk needs from a MIME message: ids, sender, subject, plain text, the attached files, and the
 * RFC 3464 delivery report of a bounce (per-recipient blocks and the returned mail's Message-ID).
 */
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
        Walk walk = new Walk();
        String text = walk.text(mime);
        if (text == null && !walk.html.isEmpty()) {
            text = walk.html.toString().replaceAll("(?is)<(script|style).*?</\\1>", "").replaceAll("<br\\s*/?>", "\n")
                    .replaceAll("</p>", "\n").replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&amp;", "&")
                    .replace("&lt;", "<").replace("&gt;", ">");
        }
        boolean report = mime.isMimeType("multipart/report");
        InboundMail.DeliveryStatus status = walk.recipients == null ? null
                : new InboundMail.DeliveryStatus(walk.recipients, walk.returnedMessageId, walk.returnedSubject);
        return new InboundMail(mime.getMessageID(), mime.getHeader("In-Reply-To", null), referenceIds, from, fromName,
                mime.getHeader("Return-Path", null), mime.getSubject(), text, walk.attachments, report, status, headers);
    }

    /** One pass over the MIME tree, collecting text, HTML, files and the parts of a delivery report. */
    private static final class Walk {
        final List<InboundMail.MailAttachment> attachments = new ArrayList<>();
        final StringBuilder html = new StringBuilder();
        List<InboundMail.Recipient> recipients;
        String returnedMessageId;
        String returnedSubject;

        String text(Part part) throws MessagingException, IOException {
            String filename = part.getFileName();
            if (part.isMimeType("message/delivery-status")) {
                deliveryStatus(bytes(part.getInputStream(), Long.MAX_VALUE));
                return null;
            }
            if (part.isMimeType("text/rfc822-headers")) {
                returned(new InternetHeaders(part.getInputStream()));
                return null;
            }
            if (part.isMimeType("message/rfc822") || part.isMimeType("message/global")) {
                // The returned mail of a bounce, or a forwarded mail: its headers, never its text as the body.
                returned(new InternetHeaders(part.getInputStream()));
                return null;
            }
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (filename != null && !part.isMimeType("text/*"))) {
                if (filename != null) {
                    byte[] content = bytes(part.getInputStream(), Attachments.MAX_BYTES);
                    attachments.add(new InboundMail.MailAttachment(MimeUtility.decodeText(filename),
                            part.getContentType() == null ? null : part.getContentType().replaceAll(";.*", "").strip(),
                            content));
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
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                String found = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = text(child);
                    if (found == null && text != null) {
                        found = text;
                    }
                }
                return found;
            }
            return null;
        }

        /** RFC 3464 section 2.1: a per-message block, then one block per recipient, separated by blank lines. */
        private void deliveryStatus(byte[] content) throws MessagingException {
            recipients = new ArrayList<>();
            String[] blocks = new String(content, StandardCharsets.UTF_8).split("\\r?\\n[ \\t]*\\r?\\n");
            for (String block : blocks) {
                if (block.isBlank()) {
                    continue;
                }
                InternetHeaders fields = new InternetHeaders(
                        new ByteArrayInputStream((block.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
                String finalRecipient = field(fields, "Final-Recipient");
                String originalRecipient = field(fields, "Original-Recipient");
                if (finalRecipient != null || originalRecipient != null) {
                    recipients.add(new InboundMail.Recipient(finalRecipient, originalRecipient, field(fields, "Action"),
                            field(fields, "Status"), field(fields, "Diagnostic-Code")));
                }
            }
        }

        /** A field's value on one line (a long Diagnostic-Code is folded over several). */
        private static String field(InternetHeaders fields, String name) {
            String value = fields.getHeader(name, null);
            return value == null ? null : value.replaceAll("\\s+", " ").strip();
        }

        private void returned(InternetHeaders returned) {
            if (returnedMessageId == null) {
                returnedMessageId = returned.getHeader("Message-ID", null);
            }
            if (returnedSubject == null) {
                String subject = returned.getHeader("Subject", null);
                try {
                    returnedSubject = subject == null ? null : MimeUtility.decodeText(MimeUtility.unfold(subject));
                } catch (java.io.UnsupportedEncodingException unknownCharset) {
                    returnedSubject = subject;
                }
            }
        }
    }

    /**
     * Up to {@code limit} bytes; null when there are more (the file is too large to keep, and is not read into
     * memory beyond the limit).
     */
    private static byte[] bytes(InputStream in, long limit) throws IOException {
        try (in) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit == Long.MAX_VALUE ? 1_000_000 : limit + 1));
            return content.length > limit ? null : content;
        }
    }
}
