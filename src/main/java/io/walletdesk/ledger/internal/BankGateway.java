package io.walletdesk.ledger.internal;

import java.util.List;

/**
 * The bank side of a top-up: we ask the customer's bank to debit their bank account. The bank answers at
 * once (accepted, or declined with a reason) or not at all (timeout); an accepted debit is confirmed or
 * failed later by an HMAC-signed callback, which may arrive late or more than once.
 */
interface BankGateway {

    Response debit(DebitRequest request);

    /** {@code reference} is ours and comes back in the callback. */
    record DebitRequest(String reference, String bankCode, String accountNumber, long amount) {
    }

    /** The bank's immediate answer. */
    record Response(Kind kind, String reasonCode, List<String> reasonArgs) {

        public static Response accepted() {
            return new Response(Kind.ACCEPTED, null, List.of());
        }

        public static Response declined(String reasonCode, String... args) {
            return new Response(Kind.DECLINED, reasonCode, List.of(args));
        }

        public static Response timeout() {
            return new Response(Kind.TIMEOUT, "BANK_TIMEOUT", List.of());
        }
    }

    /** Accepted: wait for the callback. Declined: final. Timeout: unknown, wait for a callback or expiry. */
    enum Kind {
        ACCEPTED, DECLINED, TIMEOUT
    }
}
