/**
 * The support desk: one conversation per customer issue across channels (chat, web form, e-mail, phone),
 * with gap-free message sequence numbers and idempotent sends, read state, assignment, status and priority.
 * Its public pages are open to anonymous visitors and to restricted (locked) customers alike.
 *
 * <p>Other modules use {@link io.walletdesk.support.Conversations} and react to
 * {@link io.walletdesk.support.MessagePosted}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "ledger", "reachability"})
package io.walletdesk.support;
