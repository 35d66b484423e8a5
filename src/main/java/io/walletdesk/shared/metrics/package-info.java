/**
 * Helpers for the business metrics every module registers for its own facts (README "Metrics", ADR 0900):
 * counting a fact only once its transaction commits, and gauges read from the database at most every few
 * seconds, so every node reports the same cluster-wide value.
 */
package io.walletdesk.shared.metrics;
