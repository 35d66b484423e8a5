package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.intent.IntentScore;
import io.walletdesk.knowledge.intent.Prediction;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.WalletTransactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the customer's transactions a money question is about, when the classifier's intent and the wallet
 * disagree (issue 17). The words for pending / not arrived / failed ({@link MoneyWords}) and for top-up / transfer
 * / payment pick among the customer's recent transactions; the data wins over the classifier's top intent when
 * exactly one intent fits, and the customer is asked (two numbered choices) when two do and the classifier is not
 * confident of one of them.
 */
final class TransactionChoice {

    /** What to do about a money question. */
    sealed interface Decision {
    }

    /** Answer {@code intent} about this transaction. */
    record Answer(String intent, WalletTransactions.Summary transaction) implements Decision {
    }

    /** Ask which of two transactions (and intents) the customer means. */
    record Ask(String first, WalletTransactions.Summary firstTransaction, String second,
            WalletTransactions.Summary secondTransaction) implements Decision {
    }

    private TransactionChoice() {
    }

    /**
     * The decision for a message, or empty when the classifier's answer stands: the message is not about money,
     * names no state and the top intent has its data, or nothing in the wallet fits.
     *
     * @param recent the customer's transactions, newest first
     */
    static Optional<Decision> decide(String text, Prediction prediction, List<WalletTransactions.Summary> recent,
            Instant since) {
        String top = prediction.top().intent();
        Optional<MoneyWords.State> state = MoneyWords.state(text);
        Set<TransactionKind> kinds = MoneyWords.kinds(text);
        boolean moneyTop = AssistantReplies.MONEY.contains(top);
        boolean moneyNear = prediction.ranked().stream().limit(3).anyMatch(s -> AssistantReplies.MONEY.contains(s.intent()));
        boolean confidentElsewhere = !moneyTop && prediction.confident();
        if (confidentElsewhere || !(moneyTop || moneyNear && (state.isPresent() || !kinds.isEmpty()))) {
            return Optional.empty();
        }
        List<WalletTransactions.Summary> window = recent.stream().filter(t -> !t.createdAt().isBefore(since)).toList();
        if (state.isPresent()) {
            Map<String, WalletTransactions.Summary> fitting = fitting(window, state.get(), kinds);
            if (fitting.isEmpty()) {
                return Optional.empty();
            }
            if (fitting.containsKey(top) && (fitting.size() == 1 || prediction.confident())) {
                return Optional.of(new Answer(top, fitting.get(top)));
            }
            if (fitting.size() == 1) {
                var only = fitting.entrySet().iterator().next();
                return Optional.of(new Answer(only.getKey(), only.getValue()));
            }
            List<String> ranked = byProbability(fitting.keySet(), prediction);
            return Optional.of(new Ask(ranked.get(0), fitting.get(ranked.get(0)), ranked.get(1), fitting.get(ranked.get(1))));
        }
        // No state named: when the top intent finds nothing in the wallet but another money matter is open
        // (pending or failed), ask instead of answering "I do not see a transfer".
        if (!moneyTop || window.stream().anyMatch(t -> top.equals(intentOf(t)) && fits(t, top))) {
            return Optional.empty();
        }
        return window.stream().filter(t -> t.status() == TransactionStatus.PENDING || t.status() == TransactionStatus.FAILED)
                .filter(t -> intentOf(t) != null && !top.equals(intentOf(t))).findFirst()
                .map(open -> new Ask(intentOf(open), open, top, null));
    }

    /** The most recent transaction per intent that is in the state the customer names (and of the kind they name). */
    private static Map<String, WalletTransactions.Summary> fitting(List<WalletTransactions.Summary> window,
            MoneyWords.State state, Set<TransactionKind> kinds) {
        Map<String, WalletTransactions.Summary> all = new LinkedHashMap<>();
        Map<String, WalletTransactions.Summary> named = new LinkedHashMap<>();
        for (WalletTransactions.Summary t : window) {
            String intent = intentOf(t);
            if (intent == null || !state.matches(t.status())) {
                continue;
            }
            all.putIfAbsent(intent, t);
            if (kinds.contains(t.kind())) {
                named.putIfAbsent(intent, t);
            }
        }
        return named.isEmpty() ? all : named;
    }

    /** Whether the top intent's own answer would find something to talk about. */
    private static boolean fits(WalletTransactions.Summary t, String intent) {
        return !intent.endsWith("_failed") || t.status() == TransactionStatus.FAILED;
    }

    private static List<String> byProbability(Set<String> intents, Prediction prediction) {
        List<String> ranked = new ArrayList<>(intents);
        Map<String, Double> p = new LinkedHashMap<>();
        for (IntentScore s : prediction.ranked()) {
            p.put(s.intent(), s.probability());
        }
        ranked.sort(Comparator.comparingDouble((String i) -> p.getOrDefault(i, 0.0)).reversed());
        return ranked;
    }

    /** The intent that answers about a transaction in its current state (null: none of the money intents). */
    static String intentOf(WalletTransactions.Summary t) {
        return switch (t.kind()) {
            case TOP_UP -> t.status() == TransactionStatus.FAILED ? "topup_failed" : "topup_not_received";
            case TRANSFER -> t.amount() >= 0 ? null
                    : t.status() == TransactionStatus.FAILED ? "transfer_failed" : "transfer_not_received";
            case PAYMENT -> t.status() == TransactionStatus.FAILED ? "payment_failed" : null;
            default -> null;
        };
    }
}
