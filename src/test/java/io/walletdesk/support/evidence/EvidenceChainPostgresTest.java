package io.walletdesk.support.evidence;

import io.walletdesk.testing.PostgresTest;

@PostgresTest
class EvidenceChainPostgresTest extends EvidenceChainContract {
}
