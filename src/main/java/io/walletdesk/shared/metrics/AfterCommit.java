package io.walletdesk.shared.metrics;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a metric update once the current transaction has committed (at once outside a transaction). Metrics
 * listen to domain events synchronously, in the publisher's transaction, so counting costs no event-publication
 * row; this keeps a rolled-back fact from being counted.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable update) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    update.run();
                }
            });
        } else {
            update.run();
        }
    }
}
