/**
 * The intent classifier of the knowledge module: {@link io.walletdesk.knowledge.intent.IntentModel} (train,
 * predict, write, read, the shipped model), its examples ({@link io.walletdesk.knowledge.intent.LabeledText},
 * {@link io.walletdesk.knowledge.intent.LabeledTextCsv}) and the {@code intent-eval} command
 * ({@link io.walletdesk.knowledge.intent.IntentEval}). Plain Java, no Spring beans.
 *
 * <p>A named interface so the application's {@code main} may start {@code intent-eval} without a Spring context.
 */
@org.springframework.modulith.NamedInterface("intent")
package io.walletdesk.knowledge.intent;
