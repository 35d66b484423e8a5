package io.walletdesk.knowledge.internal;

import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransactionStatus;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a customer's own words say about the transaction they mean, in English, Indonesian and Chinese: whether it
 * is still pending / has not arrived, or failed, and whether it is a top-up, a transfer or a payment. The
 * classifier picks an intent from the whole message; these words pick the transaction (issue 17: "top up saya
 * masih pending" is about the pending top-up, not the failed one).
 */
final class MoneyWords {

    /** The state the customer speaks of. */
    enum State {
        /** Still pending, waiting, not arrived, not credited. */
        PENDING,
        /** Failed, declined, rejected. */
        FAILED;

        boolean matches(TransactionStatus status) {
            return this == PENDING ? status == TransactionStatus.PENDING : status == TransactionStatus.FAILED;
        }
    }

    // Latin-script phrases are matched on word boundaries of the normalised text; Chinese ones as substrings.
    private static final Pattern PENDING = words(List.of(
            "pending", "still waiting", "waiting", "processing", "in process", "on hold", "stuck",
            "not arrived", "hasnt arrived", "has not arrived", "havent arrived", "didnt arrive", "did not arrive",
            "not received", "havent received", "hasnt received", "have not received", "has not received",
            "didnt receive", "did not receive", "not credited", "hasnt been credited", "has not been credited",
            "not come", "hasnt come", "not showing", "not reflected", "not in my", "still not", "not yet",
            "tertunda", "diproses", "proses", "menunggu", "nunggu", "tertahan", "nyangkut",
            "belum masuk", "blm masuk", "belom masuk", "belum diterima", "belum terima", "belum sampai",
            "belum nyampe", "belum muncul", "belum bertambah", "belum nambah", "belum cair", "belum",
            "tidak masuk", "gak masuk", "ga masuk", "nggak masuk", "ngga masuk", "gk masuk", "tdk masuk",
            "gak nambah", "ga nambah", "tidak bertambah", "gak bertambah"), List.of(
            "待处理", "处理中", "还在处理", "未到账", "没到账", "没有到账", "还没到", "没收到", "未收到", "没有收到",
            "未入账", "没入账", "没有入账", "等待", "审核中", "卡住", "还没有", "还没"));
    private static final Pattern FAILED = words(List.of(
            "failed", "fail", "fails", "failure", "declined", "rejected", "refused", "denied", "unsuccessful",
            "didnt go through", "did not go through", "bounced", "error",
            "gagal", "ditolak", "tolak", "tidak berhasil", "gak berhasil", "ga berhasil", "nggak berhasil",
            "eror"), List.of(
            "失败", "被拒", "拒绝", "不成功", "没成功", "没有成功", "报错", "出错", "错误"));
    private static final Pattern TOP_UP = words(List.of(
            "top up", "topup", "top-up", "topped up", "top upped", "isi saldo", "isi ulang", "deposit", "reload",
            "dari bank", "dari rekening", "from my bank", "from bank", "from the bank", "bank transfer",
            "dari bca", "dari bri", "dari bni", "dari mandiri", "lewat atm", "via atm", "virtual account"), List.of(
            "充值", "储值", "从银行", "银行转账", "银行卡转"));
    private static final Pattern TRANSFER = words(List.of(
            "transfer", "transferred", "sent", "send", "kirim", "mengirim", "dikirim", "kirim uang", "penerima",
            "recipient", "receiver"), List.of("转账", "转给", "汇款", "收款人", "对方"));
    private static final Pattern PAYMENT = words(List.of(
            "payment", "pay", "paid", "bayar", "membayar", "pembayaran", "dibayar", "merchant", "toko", "qris",
            "checkout"), List.of("支付", "付款", "付钱", "商家", "扫码"));

    private MoneyWords() {
    }

    private static Pattern words(List<String> latin, List<String> chinese) {
        StringBuilder regex = new StringBuilder("(?:(?<![\\p{L}\\p{N}])(?:");
        regex.append(String.join("|", latin.stream().map(Pattern::quote).toList()));
        regex.append(")(?![\\p{L}\\p{N}]))|(?:");
        regex.append(String.join("|", chinese.stream().map(Pattern::quote).toList()));
        return Pattern.compile(regex.append(")").toString());
    }

    /** Lower case, NFKC, apostrophes dropped (didn't = didnt), other punctuation a space. */
    static String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = t.replaceAll("['’`]", "");
        return t.replaceAll("[^\\p{L}\\p{N}-]+", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * The state the message speaks of, when it speaks of exactly one: "masih pending" and "belum masuk" are
     * {@link State#PENDING}, "gagal" is {@link State#FAILED}; both or neither is empty (the classifier decides).
     */
    static Optional<State> state(String text) {
        String t = normalise(text);
        boolean pending = PENDING.matcher(t).find();
        boolean failed = FAILED.matcher(t).find();
        if (pending == failed) {
            return Optional.empty();
        }
        return Optional.of(pending ? State.PENDING : State.FAILED);
    }

    /**
     * The kinds of transaction the message names. Money "from the bank" is a top-up even when the customer
     * calls it a transfer ("sudah transfer dari bank"), so a top-up word hides the transfer reading.
     */
    static Set<TransactionKind> kinds(String text) {
        String t = normalise(text);
        Set<TransactionKind> kinds = EnumSet.noneOf(TransactionKind.class);
        if (TOP_UP.matcher(t).find()) {
            kinds.add(TransactionKind.TOP_UP);
        } else if (TRANSFER.matcher(t).find()) {
            kinds.add(TransactionKind.TRANSFER);
        }
        if (PAYMENT.matcher(t).find()) {
            kinds.add(TransactionKind.PAYMENT);
        }
        return kinds;
    }
}
