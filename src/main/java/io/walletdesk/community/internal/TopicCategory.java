package io.walletdesk.community.internal;

import java.util.Arrays;
import java.util.Optional;

/** Where a topic belongs; announcements are started by staff only. */
enum TopicCategory {
    TOP_UPS("top-ups"),
    PAYMENTS_TRANSFERS("payments-transfers"),
    ACCOUNT_SECURITY("account-security"),
    APP_PROBLEMS("app-problems"),
    ANNOUNCEMENTS("announcements");

    private final String slug;

    TopicCategory(String slug) {
        this.slug = slug;
    }

    /** The form in URLs and message keys, e.g. {@code top-ups}. */
    public String slug() {
        return slug;
    }

    public boolean staffOnly() {
        return this == ANNOUNCEMENTS;
    }

    static Optional<TopicCategory> of(String value) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(value) || c.name().equals(value)).findFirst();
    }
}
