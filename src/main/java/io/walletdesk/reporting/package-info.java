/**
 * Reports for supervisors and training (Q3, Q4): conversation volume by channel, response and resolution
 * times against the service levels, satisfaction, and complaints by cause. Fed only by other modules'
 * events and public APIs, never by their tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "support", "disputes"})
package io.walletdesk.reporting;
