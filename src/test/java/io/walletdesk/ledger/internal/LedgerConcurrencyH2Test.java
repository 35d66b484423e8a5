package io.walletdesk.ledger.internal;

import io.walletdesk.testing.H2Test;

/** The concurrency contract on H2 (PostgreSQL mode). */
@H2Test
class LedgerConcurrencyH2Test extends LedgerConcurrencyContract {
}
