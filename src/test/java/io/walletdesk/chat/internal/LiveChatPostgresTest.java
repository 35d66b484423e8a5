package io.walletdesk.chat.internal;

import io.walletdesk.testing.PostgresTest;

@PostgresTest
class LiveChatPostgresTest extends LiveChatContract {
}
