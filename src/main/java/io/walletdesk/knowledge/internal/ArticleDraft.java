package io.walletdesk.knowledge.internal;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The editable text of an article. {@link #validated} checks every field and names the first bad one, so the
 * editor can show the error next to it without losing what was typed.
 */
record ArticleDraft(String slug, SupportedLanguage language, String title, String summary, String category,
        String tags, String bodyMarkdown) {

    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");
    static final int MAX_BODY = 100_000;

    static ArticleDraft validated(String slug, String languageTag, String title, String summary, String category,
            String tags, String body) {
        String cleanSlug = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw ProblemException.forField("help-invalid-slug", FailureKind.INVALID, "slug");
        }
        SupportedLanguage language = SupportedLanguage.fromTag(languageTag)
                .orElseThrow(() -> ProblemException.forField("invalid-language", FailureKind.INVALID, "language"));
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw ProblemException.forField("help-invalid-title", FailureKind.INVALID, "title");
        }
        String cleanSummary = summary == null ? "" : summary.strip();
        if (cleanSummary.isEmpty() || cleanSummary.length() > 400) {
            throw ProblemException.forField("help-invalid-summary", FailureKind.INVALID, "summary");
        }
        if (Category.of(category == null ? "" : category.strip()).isEmpty()) {
            throw ProblemException.forField("help-invalid-category", FailureKind.INVALID, "category");
        }
        String cleanTags = tags == null ? "" : String.join(", ", Arrays.stream(tags.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList());
        if (cleanTags.length() > 400) {
            throw ProblemException.forField("help-invalid-tags", FailureKind.INVALID, "tags");
        }
        String cleanBody = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (cleanBody.isEmpty() || cleanBody.length() > MAX_BODY) {
            throw ProblemException.forField("help-invalid-body", FailureKind.INVALID, "body");
        }
        return new ArticleDraft(cleanSlug, language, cleanTitle, cleanSummary, category.strip(), cleanTags, cleanBody);
    }
}
