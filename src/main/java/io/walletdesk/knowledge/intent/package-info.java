/**
 * The intent classifier of the knowledge module: {@link io.walletdesk.knowledge.intent.IntentModel} (train,
 * predict, write, read, the shipped model), its examples ({@link io.walletdesk.knowledge.intent.LabeledText},
 * {@link io.walletdesk.knowledge.intent.LabeledTextCsv}) and the {@code intent-eval} command
 * ({@link io.walletdesk.knowledge.intent.IntentEval}). Plain Java, no Spring beans.
 *
 * <p>Internal to the module: the application's {@code main} starts {@code intent-eval} through
 * {@link io.walletdesk.knowledge.IntentEvaluation}.
 */
package io.walletdesk.knowledge.intent;
