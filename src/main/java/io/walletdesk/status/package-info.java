/**
 * The public status page (requirements A2, A7, Q2): components and their status, incidents with updates,
 * scheduled maintenance started and ended automatically, 90-day uptime, health probes that move components
 * and open or resolve incidents, a Statuspage-v2-compatible JSON API, an Atom feed, e-mail subscriptions
 * with double opt-in, and a last-known-state cache so the page answers while the database is down.
 *
 * <p>Other modules use {@link io.walletdesk.status.StatusBanner} to show a banner while an incident or a
 * maintenance affects customers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.walletdesk.status;
