package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Tells the other modules that a user signed out, so they drop what they issued to that user. */
@Service
class SignOut {

    private final ApplicationEventPublisher events;

    SignOut(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Synchronous: listeners have revoked their credentials when this returns. */
    public void signedOut(long userId) {
        events.publishEvent(new SignedOut(userId));
    }
}
