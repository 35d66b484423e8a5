package io.walletdesk.ledger;

import io.walletdesk.testing.PostgresTest;

/** The concurrency contract on a fresh PostgreSQL database. */
@PostgresTest
class LedgerConcurrencyPostgresTest extends LedgerConcurrencyContract {
}
