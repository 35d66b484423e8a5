package io.walletdesk.knowledge.internal;

import java.util.Arrays;
import java.util.Optional;

/** Only published articles are shown to readers and indexed; archived ones keep their history. */
enum ArticleState {
    DRAFT, PUBLISHED, ARCHIVED;

    /** The state of this exact name, if there is one (for request parameters). */
    static Optional<ArticleState> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
