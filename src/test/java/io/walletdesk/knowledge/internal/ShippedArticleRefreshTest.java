package io.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17: a database that holds the old (informal) shipped Indonesian articles gets the new shipped text at
 * start-up, unless staff have edited the article; running again changes nothing.
 */
@WalletDeskTest
class ShippedArticleRefreshTest {

    @Autowired
    ArticleLibrary library;
    @Autowired
    ArticleStore store;
    @Autowired
    MutableClock clock;

    private static ArticleDraft shipped(String slug) throws Exception {
        return ShippedArticles.load().stream().filter(d -> d.slug().equals(slug) && d.language().tag().equals("id"))
                .findFirst().orElseThrow();
    }

    private static ArticleDraft informal(ArticleDraft d) {
        return new ArticleDraft(d.slug(), d.language(), d.title(), d.summary(), d.category(), d.tags(),
                d.bodyMarkdown().replace("Anda", "kamu"));
    }

    @Test
    void untouchedShippedArticlesFollowTheShippedTextAndStaffEditsWin() throws Exception {
        ArticleDraft current = shipped("cs-unreachable");
        Article article = store.find("cs-unreachable", "id").orElseThrow();
        int before = article.revision();
        library.importShipped(current);
        assertThat(store.find(article.id()).orElseThrow().revision()).as("same text: no new revision").isEqualTo(before);

        // as if the database still had the old shipped text (written by the system, not a person)
        assertThat(store.updateText(article.id(), before, informal(current), null, clock.instant())).isTrue();
        library.importShipped(current);
        Article refreshed = store.find(article.id()).orElseThrow();
        assertThat(refreshed.bodyMarkdown()).isEqualTo(current.bodyMarkdown()).doesNotContain("kamu");
        assertThat(refreshed.revision()).isEqualTo(before + 2);

        ArticleDraft other = shipped("forgot-pin");
        Article edited = store.find("forgot-pin", "id").orElseThrow();
        assertThat(store.updateText(edited.id(), edited.revision(), informal(other), 42L, clock.instant())).isTrue();
        library.importShipped(other);
        assertThat(store.find(edited.id()).orElseThrow().bodyMarkdown()).contains("kamu");
    }
}
