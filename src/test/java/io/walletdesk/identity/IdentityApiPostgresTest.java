package io.walletdesk.identity;

import io.walletdesk.testing.PostgresTest;

@PostgresTest
class IdentityApiPostgresTest extends IdentityApiContract {
}
