package io.walletdesk.ledger;

import io.walletdesk.testing.WalletDeskTest;
import org.springframework.test.context.TestPropertySource;

/** The concurrency contract on H2 with the group-commit writer switched off (one transaction per request). */
@WalletDeskTest
@TestPropertySource(properties = "walletdesk.wallet.batching.enabled=false")
class LedgerConcurrencyUnbatchedH2Test extends LedgerConcurrencyContract {
}
