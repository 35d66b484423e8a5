/**
 * Formal complaints (K1–K3): distinct from questions, with a reference number, statutory deadlines counted
 * in working days, escalation tiers (agent, supervisor, complaints team), a tracker for the customer, a
 * written resolution the customer accepts or rejects, and a complaint file to take to the regulator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "support"})
package io.walletdesk.disputes;
