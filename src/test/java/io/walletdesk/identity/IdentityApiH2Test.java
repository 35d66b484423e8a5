package io.walletdesk.identity;

import io.walletdesk.testing.WalletDeskTest;

@WalletDeskTest
class IdentityApiH2Test extends IdentityApiContract {
}
