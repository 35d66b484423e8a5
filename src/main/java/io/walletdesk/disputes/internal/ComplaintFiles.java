package io.walletdesk.disputes.internal;

import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.crypto.ManifestZip;
import io.walletdesk.shared.pdf.TextPdfs;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.support.EvidenceExports;
import io.walletdesk.support.Participant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The complaint file for the regulator or a lawyer (K3): a cover letter with the timeline and the service's
 * final answer (text, HTML from the {@code disputes/cover-letter} template, and PDF), the transcript of the conversation it concerns (HTML and PDF) with that
 * conversation's evidence bundle, and a manifest of SHA-256 sums.
 */
@Component
class ComplaintFiles {

    private final Complaints complaints;
    private final EvidenceExports evidence;
    private final MessageSource messages;
    private final TextPdfs pdfs;
    private final ITemplateEngine templates;

    ComplaintFiles(Complaints complaints, EvidenceExports evidence, MessageSource messages, TextPdfs pdfs,
            ITemplateEngine templates) {
        this.complaints = complaints;
        this.evidence = evidence;
        this.messages = messages;
        this.pdfs = pdfs;
        this.templates = templates;
    }

    byte[] build(ComplaintView complaint, String customerName) {
        Locale locale = SupportedLanguage.fromTag(complaint.language()).orElse(SupportedLanguage.EN).locale();
        String title = messages.getMessage("complaint.file.heading", new Object[] {complaint.reference()}, locale);
        List<TextPdfs.Section> letter = new ArrayList<>();
        letter.add(new TextPdfs.Section(null,
                messages.getMessage("complaint.file.customer", new Object[] {customerName}, locale) + '\n'
                        + messages.getMessage("complaint.file.filed", new Object[] {UserTime.format(complaint.createdAt(), locale, UserTime.DEFAULT_ZONE)}, locale) + '\n'
                        + messages.getMessage("complaint.file.deadline", new Object[] {UserTime.format(complaint.answerDue(), locale, UserTime.DEFAULT_ZONE)}, locale)));
        letter.add(new TextPdfs.Section(messages.getMessage("complaint.file.description", null, locale), complaint.description()));
        String steps = complaints.timeline(complaint.id()).stream()
                .map(step -> "- " + UserTime.format(step.at(), locale, UserTime.DEFAULT_ZONE) + " · "
                        + messages.getMessage(step.title(), locale)
                        + (step.actor() == null ? "" : " (" + messages.getMessage(step.actor(), locale) + ")")
                        + (step.noteText() == null ? "" : ": " + messages.getMessage(step.noteText(), locale)))
                .collect(Collectors.joining("\n"));
        letter.add(new TextPdfs.Section(messages.getMessage("complaint.file.timeline", null, locale), steps));
        letter.add(new TextPdfs.Section(messages.getMessage("complaint.file.answer", null, locale),
                complaint.resolution() == null ? messages.getMessage("complaint.file.noAnswer", null, locale)
                        : complaint.resolution()));
        letter.add(new TextPdfs.Section(null, messages.getMessage("complaint.nextSteps", null, locale)));

        // The letter and the conversation's transcript as text, HTML and PDF at the top level, readable
        // without unpacking the evidence bundle; all of it is in the manifest.
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cover-letter.txt", text(title, letter).getBytes(StandardCharsets.UTF_8));
        files.put("cover-letter.html", html(title, letter, complaint.language()).getBytes(StandardCharsets.UTF_8));
        files.put("cover-letter.pdf", pdfs.render(title, letter));
        if (complaint.conversationId() != null) {
            Participant customer = new Participant.Customer(complaint.customerUserId(), customerName);
            EvidenceExports.Transcript transcript = evidence.transcript(complaint.conversationId(), customer);
            files.put("transcript.html", transcript.html());
            files.put("transcript.pdf", transcript.pdf());
            files.put("conversation-evidence.zip", evidence.bundle(complaint.conversationId(), customer));
        }
        return ManifestZip.of(files);
    }

    private static String text(String title, List<TextPdfs.Section> sections) {
        StringBuilder text = new StringBuilder(title).append("\n\n");
        for (TextPdfs.Section section : sections) {
            if (section.heading() != null) {
                text.append(section.heading()).append('\n');
            }
            text.append(section.body()).append("\n\n");
        }
        return text.toString();
    }

    /** One section of the HTML letter, its body in lines (the template puts line breaks between them). */
    record HtmlSection(String heading, List<String> lines) {
    }

    private String html(String title, List<TextPdfs.Section> sections, String language) {
        Context context = new Context();
        context.setVariable("title", title);
        context.setVariable("language", language);
        context.setVariable("sections", sections.stream()
                .map(section -> new HtmlSection(section.heading(), List.of(section.body().split("\n", -1)))).toList());
        return templates.process("disputes/cover-letter", context);
    }
}
