package io.walletdesk.disputes.internal;

import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.support.CustomerFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The customer's complaints not yet closed, each with the deadline that matters now, for the agent's panel. */
@Component
class ComplaintFacts implements CustomerFacts {

    private final Complaints complaints;
    private final MessageSource messages;
    private final Clock clock;

    ComplaintFacts(Complaints complaints, MessageSource messages, Clock clock) {
        this.complaints = complaints;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Optional<Section> about(long customerUserId, Locale locale) {
        Instant now = clock.instant();
        List<Fact> open = complaints.ofCustomer(customerUserId).stream().filter(c -> !c.status().answered())
                .map(c -> fact(c, now, locale)).toList();
        return Optional.of(new Section("complaints", messages.getMessage("complaint.panel.heading", null, locale),
                open));
    }

    private Fact fact(ComplaintView c, Instant now, Locale locale) {
        String text = c.reference() + " · " + messages.getMessage("complaint.category." + c.category(), null,
                c.category(), locale) + " · " + messages.getMessage("complaint.status." + c.status(), null,
                c.status().name(), locale);
        return new Fact(text, "/staff/complaints/" + c.id(), c.nextDeadline(), c.nextDeadline().isBefore(now));
    }
}
