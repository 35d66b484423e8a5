package io.walletdesk.knowledge.intent;

import java.util.List;

/**
 * What the model makes of one message.
 *
 * @param intent      the decision: the most probable intent, or {@code out_of_scope} when the model was trained
 *                    with that label and no intent is probable enough
 * @param probability calibrated probability of {@code intent} (for a low-confidence {@code out_of_scope}
 *                    decision this is the probability of the out_of_scope class itself, often small)
 * @param confident   true when the decision can be acted on without asking: the top intent is at least as
 *                    probable as the model's confidence threshold (chosen at training time so that about 95%
 *                    of the decisions above it were right on held-out folds); always false for a
 *                    low-confidence out_of_scope decision
 * @param ranked      every intent, most probable first, with calibrated probabilities (the raw ranking, before
 *                    the out_of_scope rule): offer the first two when not confident
 */
public record Prediction(String intent, double probability, boolean confident, List<IntentScore> ranked) {

    public Prediction {
        ranked = List.copyOf(ranked);
    }

    /** The most probable intent of the raw ranking. */
    public IntentScore top() {
        return ranked.get(0);
    }

    /** The runner-up of the raw ranking, or null for a model with one intent. */
    public IntentScore second() {
        return ranked.size() > 1 ? ranked.get(1) : null;
    }
}
