package io.walletdesk.knowledge;

import io.walletdesk.knowledge.intent.IntentEval;
import java.io.PrintStream;

/**
 * The {@code intent-eval} command: trains a fresh model of the product's kind on one CSV and reports
 * per-intent precision/recall and accuracy on another, or evaluates the shipped model. Starts no server.
 */
public final class IntentEvaluation {

    private IntentEvaluation() {
    }

    /** @return the process exit code (0 on success) */
    public static int run(String[] args, PrintStream out) {
        return IntentEval.run(args, out);
    }
}
