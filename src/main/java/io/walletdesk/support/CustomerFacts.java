package io.walletdesk.support;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What another module knows about a customer that the agent's customer panel should show, e.g. open complaints
 * with their deadlines. Modules that depend on support (and so cannot be called by it) implement this; the panel
 * shows every implementation's section.
 */
public interface CustomerFacts {

    /** One line; {@code href} a staff page about it (or null), {@code due} a deadline (or null). */
    record Fact(String text, String href, Instant due, boolean overdue) {
    }

    /** A titled group of lines, texts already in the requested language. */
    record Section(String id, String heading, List<Fact> facts) {
    }

    /** The section for this customer, empty when there is nothing to say. */
    Optional<Section> about(long customerUserId, Locale locale);
}
