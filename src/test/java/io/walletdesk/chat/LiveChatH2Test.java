package io.walletdesk.chat;

import io.walletdesk.testing.WalletDeskTest;

@WalletDeskTest
class LiveChatH2Test extends LiveChatContract {
}
