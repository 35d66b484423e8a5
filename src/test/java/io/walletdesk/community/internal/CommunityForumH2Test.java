package io.walletdesk.community.internal;

import io.walletdesk.testing.H2Test;

/** The forum contract on H2, the quick-start demo's database. */
@H2Test
class CommunityForumH2Test extends CommunityForumContract {
}
