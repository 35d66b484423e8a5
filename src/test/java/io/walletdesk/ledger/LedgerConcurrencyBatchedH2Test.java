package io.walletdesk.ledger;

import io.walletdesk.testing.WalletDeskTest;
import org.springframework.test.context.TestPropertySource;

/** The concurrency contract on H2 with the group-commit writers switched on. */
@WalletDeskTest
@TestPropertySource(properties = "walletdesk.wallet.batching.enabled=true")
class LedgerConcurrencyBatchedH2Test extends LedgerConcurrencyContract {
}
