package io.walletdesk.status;

import java.util.List;

/**
 * What the page layout shows in its banner: the incidents and maintenances that affect customers right
 * now, newest first, with texts in the current request's language. Never fails: while the database is
 * down it answers from the last known state.
 */
public interface StatusBanner {

    List<StatusNotice> current();
}
