package io.walletdesk.knowledge.internal;

import java.util.Arrays;
import java.util.Optional;

/** Help-centre sections, in the order the help home shows them; names are {@code help.category.<id>}. */
enum Category {
    GETTING_HELP("getting-help"),
    TOP_UP("top-up"),
    PAYMENTS_TRANSFERS("payments-transfers"),
    ACCOUNT_ACCESS("account-access"),
    SECURITY("security"),
    LIMITS_FEES("limits-fees"),
    COMPLAINTS("complaints");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static Optional<Category> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
