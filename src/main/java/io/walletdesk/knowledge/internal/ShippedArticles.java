package io.walletdesk.knowledge.internal;

import io.walletdesk.shared.i18n.SupportedLanguage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The articles the product ships with ({@code knowledge/articles/<language>/<slug>.md} on the class path)
 * are added as published on start-up when missing, then the search index is built. Staff edits win: an
 * article a person has edited is never overwritten; one nobody edited follows the shipped text.
 */
@Component
class ShippedArticles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedArticles.class);

    private final ArticleLibrary library;

    ShippedArticles(ArticleLibrary library) {
        this.library = library;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int added = 0;
        for (ArticleDraft draft : load()) {
            if (library.importShipped(draft)) {
                added++;
            }
        }
        library.rebuildIndex();
        log.info("Help centre: {} shipped articles added, {} published articles indexed", added, library.indexedCount());
    }

    static List<ArticleDraft> load() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:knowledge/articles/*/*.md");
        List<ArticleDraft> drafts = new ArrayList<>();
        for (Resource file : files) {
            String uri = file.getURI().toString();
            String[] parts = uri.split("/");
            String languageFolder = parts[parts.length - 2];
            String name = parts[parts.length - 1];
            String slug = name.substring(0, name.length() - ".md".length());
            SupportedLanguage language = SupportedLanguage.fromTag(languageFolder)
                    .orElseThrow(() -> new IllegalStateException("unknown language folder " + languageFolder));
            String text;
            try (InputStream in = file.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            FrontMatter parsed = FrontMatter.parse(text);
            drafts.add(ArticleDraft.validated(slug, language.tag(), parsed.field("title"), parsed.field("summary"),
                    parsed.field("category"), parsed.field("tags"), parsed.body()));
        }
        return drafts;
    }
}
