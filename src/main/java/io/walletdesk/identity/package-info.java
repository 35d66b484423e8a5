/**
 * Identity and account security: customers and staff, sign-in (password, TOTP, recovery codes), brute-force
 * protection, sign-in history and new-device notices, account status (active, locked, disabled) with the
 * restricted support-only session, contact changes and API tokens.
 *
 * <p>Other modules use {@link io.walletdesk.identity.Accounts} (look-ups, lock and unlock),
 * {@link io.walletdesk.identity.SignedInUser} (the principal of every request) and react to the events in
 * this package.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.walletdesk.identity;
