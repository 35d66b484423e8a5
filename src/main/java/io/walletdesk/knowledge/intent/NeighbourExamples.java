package io.walletdesk.knowledge.intent;

/**
 * The training examples a model keeps for its nearest-neighbour similarities, in canonical order, with the
 * weights their similarities get next to the SVM margins. {@code embedding} is null when only the TF-IDF
 * neighbours count.
 */
record NeighbourExamples(int embeddingK, int textK, double embeddingWeight, double textWeight, int[] label,
        String[] text, float[][] embedding) {

    /** The examples as an index over this model's features. */
    Neighbours index(TextFeatures features, int classes) {
        SparseVector[] vectors = new SparseVector[text.length];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = features.transform(text[i]);
        }
        return new Neighbours(classes, embeddingK, textK, label, embedding, vectors, features.dimension());
    }
}
