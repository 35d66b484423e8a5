package io.walletdesk.ledger;

import io.walletdesk.testing.PostgresTest;
import org.springframework.test.context.TestPropertySource;

/** The concurrency contract on a fresh PostgreSQL database with the group-commit writers switched on. */
@PostgresTest
@TestPropertySource(properties = "walletdesk.wallet.batching.enabled=true")
class LedgerConcurrencyBatchedPostgresTest extends LedgerConcurrencyContract {
}
