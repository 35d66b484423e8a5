/**
 * Support's business metrics (README "Metrics", ADR 0900): conversations, messages, response and resolution
 * times, SLA breaches and hand-overs counted from support's own events, and the queue read from its own tables.
 */
package io.walletdesk.support.metrics;
