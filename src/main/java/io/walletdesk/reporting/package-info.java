/**
 * Reports for supervisors and training (Q3, Q4): conversations by period, channel, intent and team, response
 * and resolution times against the service levels, the satisfaction trend, complaints by cause with their
 * deadline compliance, and the top issues of a period with example conversations for agents. Fed only by
 * other modules' events (support, knowledge, disputes) and their public APIs, never by their tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "support", "disputes", "knowledge"})
package io.walletdesk.reporting;
