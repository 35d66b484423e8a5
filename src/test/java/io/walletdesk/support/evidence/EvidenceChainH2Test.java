package io.walletdesk.support.evidence;

import io.walletdesk.testing.WalletDeskTest;

@WalletDeskTest
class EvidenceChainH2Test extends EvidenceChainContract {
}
