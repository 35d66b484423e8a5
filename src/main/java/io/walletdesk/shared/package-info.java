/**
 * Cross-cutting building blocks every module may use: money and time values, translated messages,
 * problem+json errors, client (device) information, the audit trail, rate limits and the outbound
 * message outbox. An open module: its sub-packages are part of its API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.walletdesk.shared;
