package io.walletdesk.community.internal;

import io.walletdesk.testing.WalletDeskTest;

/** The forum contract on PostgreSQL, production's database. */
@WalletDeskTest
class CommunityForumTest extends CommunityForumContract {
}
