package io.walletdesk.knowledge;

/**
 * The assistant recorded what a customer's chat message is about: {@code intent} is the intent it acted on
 * for message {@code messageSeq} of the conversation, {@code confidence} the model's calibrated probability.
 */
public record CustomerIntentDetected(long conversationId, long messageSeq, String intent, double confidence) {
}
