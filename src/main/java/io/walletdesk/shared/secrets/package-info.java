/**
 * Secrets without public defaults: set in the environment, generated and kept under {@code ./data} for the
 * embedded demo only, and a refusal to start otherwise.
 */
package io.walletdesk.shared.secrets;
