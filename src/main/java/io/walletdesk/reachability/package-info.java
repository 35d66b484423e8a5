/**
 * Reachability (requirements A1, A3, A4, A5, E3, P1, P2): keeps customers able to reach support when
 * something is wrong on their side.
 *
 * <ul>
 *   <li>App version policy: clients send {@code X-Client-Platform} and {@code X-Client-Version}; below the
 *       minimum version the API answers 426 {@code /problems/update-required} (support chat and status stay
 *       reachable), between minimum and latest it adds {@code X-Update-Available}.</li>
 *   <li>Official-channel check: a registry of official phone numbers, e-mail domains, web domains and
 *       social handles, a public check with look-alike detection, and reports of fake channels.</li>
 *   <li>Anti-phishing phrase: {@link io.walletdesk.reachability.AntiPhishing} gives the phrase that mails
 *       show at the top.</li>
 *   <li>Self-diagnosis ({@code /diagnose}): browser-side checks whose results are stored under a short
 *       report id; {@link io.walletdesk.reachability.DiagnosticReports} finds them to attach to a
 *       conversation.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "status"})
package io.walletdesk.reachability;
