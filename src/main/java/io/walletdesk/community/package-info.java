/**
 * The community forum (requirement C5): topics in categories and languages, replies with official staff answers,
 * accepted answers and votes, search with the help centre's analysis, help articles suggested while a customer
 * writes (deflection), and a safety layer built for a wallet: personal data masked before publishing, every
 * contact in a post run through the official-channel check, held first posts of new accounts, per-account rate
 * limits, reports, moderation (hide, lock, move, merge) and an audit trail. A topic that needs the customer's
 * account moves into a private support conversation.
 *
 * <p>Other modules react to the events in this package; the forum itself has no other API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "support", "knowledge", "reachability"})
package io.walletdesk.community;
