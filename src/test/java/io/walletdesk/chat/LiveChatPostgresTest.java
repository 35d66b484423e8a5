package io.walletdesk.chat;

import io.walletdesk.testing.PostgresTest;

@PostgresTest
class LiveChatPostgresTest extends LiveChatContract {
}
