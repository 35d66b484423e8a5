package io.walletdesk.ledger;

import io.walletdesk.testing.H2Test;
import org.springframework.test.context.TestPropertySource;

/** The concurrency contract on H2 with the group-commit writers switched on. */
@H2Test
@TestPropertySource(properties = "walletdesk.wallet.batching.enabled=true")
class LedgerConcurrencyBatchedH2Test extends LedgerConcurrencyContract {
}
