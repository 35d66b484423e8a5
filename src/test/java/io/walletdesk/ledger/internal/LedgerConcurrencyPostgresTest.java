package io.walletdesk.ledger.internal;

import io.walletdesk.testing.PostgresTest;

/** The concurrency contract on a fresh PostgreSQL database. */
@PostgresTest
class LedgerConcurrencyPostgresTest extends LedgerConcurrencyContract {
}
