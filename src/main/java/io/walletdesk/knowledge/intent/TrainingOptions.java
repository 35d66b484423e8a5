package io.walletdesk.knowledge.intent;

/**
 * Training settings (tuned by cross-validation on BANKING77 and our phrases, see ADR 0400). The weights of the
 * nearest-neighbour similarities (one of {@code embeddingNeighbourWeights} times one of
 * {@code textNeighbourWeights}) are chosen by accuracy on the held-out calibration folds; ties go to the
 * earlier, simpler choice.
 */
record TrainingOptions(TextFeatures.Options features, float encoderWeight, double c, int calibrationFolds,
        double targetPrecision, double confidenceFloor, double outOfScopeQuantile, int embeddingK, int textK,
        double[] embeddingNeighbourWeights, double[] textNeighbourWeights) {

    static final TrainingOptions DEFAULT = new TrainingOptions(TextFeatures.Options.DEFAULT, 0.8f, 2.0, 4, 0.95, 0.5,
            0.03, 1, 3, new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 2, 3});

    /** TF-IDF only: no sentence embedding (and so no embedding neighbours). */
    TrainingOptions withoutEncoder() {
        return new TrainingOptions(features, 0f, c, calibrationFolds, targetPrecision, confidenceFloor,
                outOfScopeQuantile, embeddingK, textK, new double[] {0}, textNeighbourWeights);
    }

    /** Only the SVMs of format 2 (no nearest neighbours). */
    TrainingOptions withoutExtras() {
        return new TrainingOptions(features, encoderWeight, c, calibrationFolds, targetPrecision, confidenceFloor,
                outOfScopeQuantile, embeddingK, textK, new double[] {0}, new double[] {0});
    }

    /** These neighbour weights, always (no choice on the held-out folds). */
    TrainingOptions withNeighbourWeights(double embedding, double text) {
        return new TrainingOptions(features, encoderWeight, c, calibrationFolds, targetPrecision, confidenceFloor,
                outOfScopeQuantile, embeddingK, textK, new double[] {embedding}, new double[] {text});
    }

    boolean withNeighbours() {
        for (double w : embeddingNeighbourWeights) {
            if (w != 0) {
                return true;
            }
        }
        for (double w : textNeighbourWeights) {
            if (w != 0) {
                return true;
            }
        }
        return false;
    }
}
