package io.walletdesk.ledger;

import io.walletdesk.testing.WalletDeskTest;

/** The concurrency contract on H2 (PostgreSQL mode). */
@WalletDeskTest
class LedgerConcurrencyH2Test extends LedgerConcurrencyContract {
}
