package io.walletdesk.knowledge.internal;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

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
            throw ProblemException.forField("help-invalid-slug", HttpStatus.BAD_REQUEST, "slug");
        }
        SupportedLanguage language = SupportedLanguage.fromTag(languageTag)
                .orElseThrow(() -> ProblemException.forField("invalid-language", HttpStatus.BAD_REQUEST, "language"));
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw ProblemException.forField("help-invalid-title", HttpStatus.BAD_REQUEST, "title");
        }
        String cleanSummary = summary == null ? "" : summary.strip();
        if (cleanSummary.isEmpty() || cleanSummary.length() > 400) {
            throw ProblemException.forField("help-invalid-summary", HttpStatus.BAD_REQUEST, "summary");
        }
        if (Category.of(category == null ? "" : category.strip()).isEmpty()) {
            throw ProblemException.forField("help-invalid-category", HttpStatus.BAD_REQUEST, "category");
        }
        String cleanTags = tags == null ? "" : String.join(", ", Arrays.stream(tags.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList());
        if (cleanTags.length() > 400) {
            throw ProblemException.forField("help-invalid-tags", HttpStatus.BAD_REQUEST, "tags");
        }
        String cleanBody = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (cleanBody.isEmpty() || cleanBody.length() > MAX_BODY) {
            throw ProblemException.forField("help-invalid-body", HttpStatus.BAD_REQUEST, "body");
        }
        return new ArticleDraft(cleanSlug, language, cleanTitle, cleanSummary, category.strip(), cleanTags, cleanBody);
    }
}
