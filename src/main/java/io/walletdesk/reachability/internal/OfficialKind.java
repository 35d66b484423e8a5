package io.walletdesk.reachability.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an official channel is; phone numbers and social handles also name their network. */
enum OfficialKind {
    PHONE, EMAIL_DOMAIN, EMAIL, WEB_DOMAIN, HANDLE;

    static Optional<OfficialKind> parse(String kind) {
        String name = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** A domain whose name is the brand (look-alikes of it are suspicious). */
    boolean domain() {
        return this == EMAIL_DOMAIN || this == WEB_DOMAIN;
    }

    /** The network stored with a channel of this kind: given for phones (default "phone") and handles. */
    String network(String given) {
        String typed = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
        return switch (this) {
            case HANDLE -> typed;
            case PHONE -> typed.isEmpty() ? "phone" : typed;
            case EMAIL, EMAIL_DOMAIN -> "email";
            case WEB_DOMAIN -> "web";
        };
    }
}
