/**
 * The support desk: one conversation per customer issue across channels (chat, web form, e-mail, phone),
 * with gap-free message sequence numbers and idempotent sends, read state, assignment, status and priority.
 * Its public pages are open to anonymous visitors and to restricted (locked) customers alike.
 *
 * <p>This package is the module's API (ADR 0013): commands, views, events and a few narrow facades, chiefly
 * {@link io.walletdesk.support.Conversations} and {@link io.walletdesk.support.Intake}; other modules react to
 * {@link io.walletdesk.support.MessagePosted}. The implementation lives in package-private classes of the
 * sub-packages, one per capability.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "ledger", "reachability"})
package io.walletdesk.support;

import org.springframework.modulith.ApplicationModule;
