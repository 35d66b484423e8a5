package io.walletdesk.knowledge.intent;

/**
 * One intent with its calibrated probability.
 *
 * @param intent      the intent label
 * @param probability calibrated probability in [0, 1]; the probabilities of all intents sum to 1
 */
public record IntentScore(String intent, double probability) {
}
