package io.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.knowledge.intent.IntentScore;
import io.walletdesk.knowledge.intent.Prediction;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.WalletTransactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Words for pending / failed / not arrived in three languages, and how they pick among the customer's transactions. */
class TransactionChoiceTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void wordsForPendingAndFailedInThreeLanguages() {
        for (String pending : List.of("top up saya masih pending", "Uang saya belum masuk padahal sudah transfer dari bank",
                "saldo gak nambah", "topup nyangkut dari tadi", "my top-up hasn't arrived", "money still not credited",
                "it's still processing", "我的充值还在处理中", "钱还没到账", "转账一直没收到")) {
            assertThat(MoneyWords.state(pending)).as(pending).contains(MoneyWords.State.PENDING);
        }
        for (String failed : List.of("top up gagal", "transfer saya ditolak", "my payment was declined",
                "top up failed again", "充值失败了", "付款被拒")) {
            assertThat(MoneyWords.state(failed)).as(failed).contains(MoneyWords.State.FAILED);
        }
        assertThat(MoneyWords.state("top up gagal tapi saldo bank belum kembali")).isEmpty();
        assertThat(MoneyWords.state("what are the fees")).isEmpty();
        assertThat(MoneyWords.kinds("sudah transfer dari bank")).containsExactly(TransactionKind.TOP_UP);
        assertThat(MoneyWords.kinds("saya kirim uang ke teman")).containsExactly(TransactionKind.TRANSFER);
        assertThat(MoneyWords.kinds("充值")).containsExactly(TransactionKind.TOP_UP);
    }

    private static WalletTransactions.Summary tx(long id, TransactionKind kind, TransactionStatus status, long amount) {
        return new WalletTransactions.Summary(id, kind, status, amount, null, null, List.of(), null, null,
                NOW.minusSeconds(3600 - id), NOW.minusSeconds(3600 - id));
    }

    private static Prediction says(String first, double p1, String second, double p2) {
        return new Prediction(first, p1, p1 > 0.6, List.of(new IntentScore(first, p1), new IntentScore(second, p2),
                new IntentScore("refund", 0.01)));
    }

    private static final WalletTransactions.Summary PENDING_TOP_UP = tx(1, TransactionKind.TOP_UP, TransactionStatus.PENDING,
            60_000);
    private static final WalletTransactions.Summary FAILED_TOP_UP = tx(2, TransactionKind.TOP_UP, TransactionStatus.FAILED,
            100_000);
    private static final WalletTransactions.Summary PENDING_TRANSFER = tx(3, TransactionKind.TRANSFER,
            TransactionStatus.PENDING, -25_000);

    @Test
    void thePendingTopUpWinsOverTheClassifiersFailedTopUp() {
        var decision = TransactionChoice.decide("top up saya masih pending", says("topup_failed", 0.7, "topup_not_received", 0.2),
                List.of(FAILED_TOP_UP, PENDING_TOP_UP), NOW.minusSeconds(86_400));
        assertThat(decision).contains(new TransactionChoice.Answer("topup_not_received", PENDING_TOP_UP));
    }

    @Test
    void twoPendingMattersAreAChoice() {
        Optional<TransactionChoice.Decision> decision = TransactionChoice.decide("uang saya belum masuk",
                says("transfer_not_received", 0.5, "topup_not_received", 0.3),
                List.of(PENDING_TRANSFER, FAILED_TOP_UP, PENDING_TOP_UP), NOW.minusSeconds(86_400));
        assertThat(decision).contains(new TransactionChoice.Ask("transfer_not_received", PENDING_TRANSFER,
                "topup_not_received", PENDING_TOP_UP));
        // "dari bank" names a top-up: no question needed
        assertThat(TransactionChoice.decide("uang saya belum masuk padahal sudah transfer dari bank",
                says("transfer_not_received", 0.5, "topup_not_received", 0.3),
                List.of(PENDING_TRANSFER, FAILED_TOP_UP, PENDING_TOP_UP), NOW.minusSeconds(86_400)))
                .contains(new TransactionChoice.Answer("topup_not_received", PENDING_TOP_UP));
    }

    @Test
    void otherIntentsAndOldTransactionsAreLeftAlone() {
        assertThat(TransactionChoice.decide("top up saya masih pending", says("human_agent", 0.9, "topup_failed", 0.05),
                List.of(PENDING_TOP_UP), NOW.minusSeconds(86_400))).isEmpty();
        assertThat(TransactionChoice.decide("top up saya masih pending", says("topup_failed", 0.7, "topup_not_received", 0.2),
                List.of(PENDING_TOP_UP), NOW.plusSeconds(60))).isEmpty();
    }
}
