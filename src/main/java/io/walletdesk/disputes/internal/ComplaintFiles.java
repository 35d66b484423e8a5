package io.walletdesk.disputes.internal;

import io.walletdesk.disputes.ComplaintStep;
import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.support.EvidenceExports;
import io.walletdesk.support.Participant;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The complaint file for the regulator or a lawyer (K3): a cover letter with the timeline and the service's
 * final answer, the evidence bundle of the conversation it concerns, and a manifest of SHA-256 sums.
 */
@Component
public class ComplaintFiles {

    private final Complaints complaints;
    private final EvidenceExports evidence;
    private final MessageSource messages;

    ComplaintFiles(Complaints complaints, EvidenceExports evidence, MessageSource messages) {
        this.complaints = complaints;
        this.evidence = evidence;
        this.messages = messages;
    }

    public byte[] build(ComplaintView complaint, String customerName) {
        Locale locale = SupportedLanguage.fromTag(complaint.language()).orElse(SupportedLanguage.EN).locale();
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'WIB'").withZone(ZoneId.of("Asia/Jakarta"));
        StringBuilder letter = new StringBuilder();
        letter.append(messages.getMessage("complaint.file.heading", new Object[] {complaint.reference()}, locale)).append("\n\n");
        letter.append(messages.getMessage("complaint.file.customer", new Object[] {customerName}, locale)).append('\n');
        letter.append(messages.getMessage("complaint.file.filed", new Object[] {local.format(complaint.createdAt())}, locale)).append('\n');
        letter.append(messages.getMessage("complaint.file.deadline", new Object[] {local.format(complaint.answerDue())}, locale)).append("\n\n");
        letter.append(messages.getMessage("complaint.file.description", null, locale)).append('\n').append(complaint.description()).append("\n\n");
        letter.append(messages.getMessage("complaint.file.timeline", null, locale)).append('\n');
        for (ComplaintStep step : complaints.timeline(complaint.id())) {
            letter.append("- ").append(local.format(step.at())).append(" · ").append(step.action())
                    .append(step.actorRole() == null ? "" : " (" + step.actorRole() + ")")
                    .append(step.note() == null ? "" : ": " + step.note()).append('\n');
        }
        letter.append('\n').append(messages.getMessage("complaint.file.answer", null, locale)).append('\n')
                .append(complaint.resolution() == null ? messages.getMessage("complaint.file.noAnswer", null, locale)
                        : complaint.resolution()).append("\n\n");
        letter.append(messages.getMessage("complaint.nextSteps", null, locale)).append('\n');
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cover-letter.txt", letter.toString().getBytes(StandardCharsets.UTF_8));
        if (complaint.conversationId() != null) {
            files.put("conversation-evidence.zip", evidence.bundle(complaint.conversationId(),
                    new Participant.Customer(complaint.customerUserId(), customerName)));
        }
        return io.walletdesk.shared.crypto.ManifestZip.of(files);
    }
}
