package io.walletdesk.knowledge.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.knowledge.HelpArticle;
import io.walletdesk.knowledge.intent.IntentModel;
import io.walletdesk.knowledge.intent.IntentScore;
import io.walletdesk.knowledge.intent.Prediction;
import io.walletdesk.ledger.WalletStanding;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.WalletTransactions;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.time.UserTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Component;

/**
 * What the assistant says to one customer message. Every fact in a reply comes from a published article or
 * from the customer's own wallet and account; anything else is a hand-over to humans.
 */
@Component
class AssistantReplies {

    private static final Logger log = LoggerFactory.getLogger(AssistantReplies.class);

    /** Two intents this close (in probability) are worth one clarifying question. */
    static final double CLOSE = 0.15;

    /** The article that answers each intent in general terms. */
    static final Map<String, String> ARTICLE = Map.ofEntries(Map.entry("cs_unreachable", "cs-unreachable"),
            Map.entry("topup_failed", "topup-failed"), Map.entry("topup_not_received", "topup-not-received"),
            Map.entry("payment_failed", "payment-failed"), Map.entry("transfer_failed", "transfer-failed"),
            Map.entry("transfer_not_received", "transfer-not-received"), Map.entry("wrong_recipient", "wrong-recipient"),
            Map.entry("refund", "refunds"), Map.entry("account_locked", "account-locked"),
            Map.entry("verify_identity", "verify-identity"), Map.entry("forgot_pin", "forgot-pin"),
            Map.entry("security_settings", "two-factor"), Map.entry("unauthorized_transaction", "unauthorized-transaction"),
            Map.entry("phishing_report", "phishing-fake-cs"), Map.entry("change_contact", "change-contact"),
            Map.entry("limits_fees", "limits-by-tier"), Map.entry("app_problem", "app-update-required"),
            Map.entry("complaint", "file-complaint"), Map.entry("service_hours", "contact-channels-hours"));

    enum Outcome {
        ANSWERED, CLARIFY, NOT_UNDERSTOOD, HANDOVER
    }

    record Question(long conversationId, long seq, String text, SupportedLanguage language, Long customerUserId,
            Optional<AssistantTurns.Turn> previous) {
    }

    /**
     * {@code intent} is what the reply is about; {@code handoverReason} is set for hand-overs; {@code alternative}
     * is the second choice of a clarifying question when it is not the classifier's runner-up (a choice offered
     * because of the customer's own transactions), so that "2" picks it.
     */
    record Reply(String text, Outcome outcome, String intent, Prediction prediction, String handoverReason,
            String alternative) {

        Reply(String text, Outcome outcome, String intent, Prediction prediction, String handoverReason) {
            this(text, outcome, intent, prediction, handoverReason, null);
        }
    }

    /** The intents answered from one of the customer's transactions. */
    static final Set<String> MONEY = Set.of("topup_failed", "topup_not_received", "transfer_failed",
            "transfer_not_received", "payment_failed");

    /** How far back a transaction can be what the customer means. */
    static final Duration RECENT = Duration.ofDays(30);

    private final Intents intents;
    private final ArticleLibrary articles;
    private final WalletTransactions transactions;
    private final WalletStanding standing;
    private final Accounts accounts;
    private final HumanHelp humans;
    private final MessageSource messages;
    private final Clock clock;

    AssistantReplies(Intents intents, ArticleLibrary articles, WalletTransactions transactions, WalletStanding standing,
            Accounts accounts, HumanHelp humans, MessageSource messages, Clock clock) {
        this.humans = humans;
        this.intents = intents;
        this.articles = articles;
        this.transactions = transactions;
        this.standing = standing;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    Reply answer(Question q) {
        Prediction prediction = intents.classify(q.text());
        Optional<String> chosen = clarified(q);
        if (chosen.isPresent()) {
            return about(chosen.get(), q, prediction);
        }
        Optional<Reply> fromData = wallet(q, () -> fromTransactions(q, prediction), Optional::<Reply>empty);
        if (fromData.isPresent()) {
            return fromData.get();
        }
        IntentScore top = prediction.top();
        IntentScore second = prediction.second();
        boolean outOfScope = IntentModel.OUT_OF_SCOPE.equals(prediction.intent());
        boolean missedBefore = q.previous().map(t -> t.outcome() == AssistantTurns.Outcome.NOT_UNDERSTOOD).orElse(false);
        boolean close = second != null && !IntentModel.OUT_OF_SCOPE.equals(top.intent())
                && !IntentModel.OUT_OF_SCOPE.equals(second.intent()) && top.probability() - second.probability() < CLOSE;
        if (!prediction.confident() || outOfScope) {
            if (close && !missedBefore) {
                return clarify(q, prediction, top, second);
            }
            if (missedBefore) {
                return handOver(q, prediction, null, "not-confident-twice", "");
            }
            return new Reply(text(q, outOfScope ? "assistant.outOfScope" : "assistant.notUnderstood"),
                    Outcome.NOT_UNDERSTOOD, outOfScope ? IntentModel.OUT_OF_SCOPE : null, prediction, null);
        }
        if (close) {
            return clarify(q, prediction, top, second);
        }
        return about(top.intent(), q, prediction);
    }

    /** "1" or "2" (or the words of an option) after a clarifying question picks that intent. */
    private Optional<String> clarified(Question q) {
        Optional<AssistantTurns.Turn> previous = q.previous().filter(t -> t.outcome() == AssistantTurns.Outcome.CLARIFY);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        String answer = q.text().strip().replaceAll("[.)!。！]+$", "");
        if (answer.equals("1") || answer.equals("1️⃣")) {
            return Optional.ofNullable(previous.get().intent());
        }
        if (answer.equals("2") || answer.equals("2️⃣")) {
            return Optional.ofNullable(previous.get().secondIntent());
        }
        return Optional.empty();
    }

    /** When the customer's words and their own transactions say which matter they mean (see {@link TransactionChoice}). */
    private Optional<Reply> fromTransactions(Question q, Prediction prediction) {
        if (q.customerUserId() == null) {
            return Optional.empty();
        }
        Instant since = clock.instant().minus(RECENT);
        return TransactionChoice.decide(q.text(), prediction, transactions.recent(q.customerUserId(), 50), since)
                .map(decision -> {
                    if (decision instanceof TransactionChoice.Answer a) {
                        return about(a.intent(), q, prediction, a.transaction());
                    }
                    TransactionChoice.Ask ask = (TransactionChoice.Ask) decision;
                    return new Reply(text(q, "assistant.clarify", option(q, ask.first(), ask.firstTransaction()),
                            option(q, ask.second(), ask.secondTransaction())), Outcome.CLARIFY, ask.first(), prediction,
                            null, ask.second());
                });
    }

    /** A choice of a clarifying question: the matter, and the transaction's amount and date when there is one. */
    private String option(Question q, String intent, WalletTransactions.Summary t) {
        String matter = text(q, "intent." + intent);
        return t == null ? matter : text(q, "assistant.option", matter, amount(t), when(q, t.createdAt()));
    }

    private Reply clarify(Question q, Prediction prediction, IntentScore first, IntentScore second) {
        return new Reply(text(q, "assistant.clarify", text(q, "intent." + first.intent()), text(q, "intent." + second.intent())),
                Outcome.CLARIFY, first.intent(), prediction, null);
    }

    private Reply about(String intent, Question q, Prediction prediction) {
        return about(intent, q, prediction, null);
    }

    /** {@code focus}: the transaction the answer is about, when the customer's words and data chose it. */
    private Reply about(String intent, Question q, Prediction prediction, WalletTransactions.Summary focus) {
        return switch (intent) {
            case "human_agent" -> handOver(q, prediction, intent, "asked-for-human", "");
            case "complaint" -> handOver(q, prediction, intent, "complaint", text(q, "assistant.complaint") + article(q, intent));
            case "unauthorized_transaction" -> handOver(q, prediction, intent, "unauthorized-transaction",
                    text(q, "assistant.unauthorized") + article(q, intent));
            case "topup_failed" -> answered(q, prediction, intent, wallet(q, () -> topUpFailed(q, focus)));
            case "topup_not_received" -> answered(q, prediction, intent, wallet(q, () -> topUpNotReceived(q, focus)));
            case "transfer_not_received", "transfer_failed" -> answered(q, prediction, intent,
                    wallet(q, () -> latestTransfer(q, focus, intent)));
            case "payment_failed" -> answered(q, prediction, intent, wallet(q, () -> paymentFailed(q, focus)));
            case "account_locked" -> answered(q, prediction, intent, wallet(q, () -> accountLocked(q)));
            case "limits_fees" -> answered(q, prediction, intent, wallet(q, () -> limits(q)));
            case "cs_unreachable" -> answered(q, prediction, intent, humans.messageLeft(q.conversationId())
                    ? text(q, "assistant.csUnreachable.messageLeft", humans.expectedAnswer(q.conversationId(), q.language().locale()))
                    : text(q, "assistant.csUnreachable"));
            case "phishing_report" -> answered(q, prediction, intent, text(q, "assistant.phishing"));
            case "verify_identity" -> answered(q, prediction, intent, text(q, "assistant.verify"));
            case "service_hours" -> answered(q, prediction, intent,
                    humans.serviceHours(q.language().locale()));
            default -> answered(q, prediction, intent, text(q, "assistant.articleIntro"));
        };
    }

    private Reply answered(Question q, Prediction prediction, String intent, String lead) {
        return new Reply(lead + article(q, intent), Outcome.ANSWERED, intent, prediction, null);
    }

    Reply handOver(Question q, Prediction prediction, String intent, String reason, String lead) {
        String availability = humans.afterHandOver(q.language().locale());
        String text = (lead.isEmpty() ? "" : lead + "\n\n") + text(q, "assistant.handover") + " " + availability;
        return new Reply(text, Outcome.HANDOVER, intent, prediction, reason);
    }

    // ---- after leave-a-message ---------------------------------------------------------------------------------

    /**
     * The answer to a message left for the team (leave-a-message) in a chat the assistant holds: it is with the team,
     * and this is when they answer; the chat goes to humans, and the assistant does not offer to take a message again.
     */
    Reply messageLeft(Question q) {
        Prediction prediction = intents.classify(q.text()); // for the team's note and the reports
        String intent = prediction.confident() && !IntentModel.OUT_OF_SCOPE.equals(prediction.intent())
                ? prediction.intent() : null;
        return new Reply(text(q, "assistant.messageLeft", humans.expectedAnswer(q.conversationId(), q.language().locale())),
                Outcome.HANDOVER, intent, prediction,
                "left-message");
    }

    // ---- wallet-aware parts ------------------------------------------------------------------------------

    /**
     * The wallet part of an answer, or, when the wallet cannot be read right now (database trouble), a plain
     * "I cannot see your wallet right now": the article still follows, so the customer is not left empty-handed.
     */
    private String wallet(Question q, Supplier<String> lookup) {
        return wallet(q, lookup, () -> text(q, "assistant.walletUnavailable"));
    }

    private <T> T wallet(Question q, Supplier<T> lookup, Supplier<T> unavailableAnswer) {
        try {
            return lookup.get();
        } catch (DataAccessException | TransactionException unavailable) {
            log.warn("Assistant could not read the wallet of conversation {}: {}", q.conversationId(), unavailable.toString());
            return unavailableAnswer.get();
        }
    }

    private String topUpFailed(Question q, WalletTransactions.Summary focus) {
        if (q.customerUserId() == null) {
            return text(q, "assistant.signIn");
        }
        return Optional.ofNullable(focus)
                .or(() -> latest(q, t -> t.kind() == TransactionKind.TOP_UP && t.status() == TransactionStatus.FAILED))
                .map(t -> failed(q, "assistant.topup.failed", t))
                .orElseGet(() -> text(q, "assistant.topup.noneFailed"));
    }

    private String topUpNotReceived(Question q, WalletTransactions.Summary focus) {
        if (q.customerUserId() == null) {
            return text(q, "assistant.signIn");
        }
        // "not received" means a pending top-up, when there is one, even if a later one completed or failed
        Predicate<WalletTransactions.Summary> topUp = t -> t.kind() == TransactionKind.TOP_UP;
        return Optional.ofNullable(focus).or(() -> latest(q, topUp.and(t -> t.status() == TransactionStatus.PENDING)))
                .or(() -> latest(q, topUp)).map(t -> switch (t.status()) {
            case PENDING -> text(q, "assistant.topup.pending", amount(t), when(q, t.createdAt()),
                    t.expectedBy() == null ? "-" : when(q, t.expectedBy()));
            case COMPLETED -> text(q, "assistant.topup.completed", amount(t), when(q, t.updatedAt()));
            case FAILED -> failed(q, "assistant.topup.failed", t);
            default -> text(q, "assistant.tx.reversed", amount(t), when(q, t.updatedAt()));
        }).orElseGet(() -> text(q, "assistant.topup.none"));
    }

    private String latestTransfer(Question q, WalletTransactions.Summary focus, String intent) {
        if (q.customerUserId() == null) {
            return text(q, "assistant.signIn");
        }
        Predicate<WalletTransactions.Summary> sent = t -> t.kind() == TransactionKind.TRANSFER && t.amount() < 0;
        TransactionStatus meant = intent.equals("transfer_failed") ? TransactionStatus.FAILED : TransactionStatus.PENDING;
        return Optional.ofNullable(focus).or(() -> latest(q, sent.and(t -> t.status() == meant)))
                .or(() -> latest(q, sent)).map(t -> switch (t.status()) {
            case PENDING -> text(q, "assistant.transfer.pending", amount(t), party(t), when(q, t.createdAt()),
                    t.expectedBy() == null ? "-" : when(q, t.expectedBy()));
            case COMPLETED -> text(q, "assistant.transfer.completed", amount(t), party(t), when(q, t.updatedAt()),
                    Long.toString(t.id()));
            case FAILED -> failed(q, "assistant.transfer.failed", t);
            default -> text(q, "assistant.tx.reversed", amount(t), when(q, t.updatedAt()));
        }).orElseGet(() -> text(q, "assistant.transfer.none"));
    }

    private String paymentFailed(Question q, WalletTransactions.Summary focus) {
        if (q.customerUserId() == null) {
            return text(q, "assistant.signIn");
        }
        return Optional.ofNullable(focus)
                .or(() -> latest(q, t -> t.kind() == TransactionKind.PAYMENT && t.status() == TransactionStatus.FAILED))
                .map(t -> failed(q, "assistant.payment.failed", t))
                .orElseGet(() -> text(q, "assistant.payment.noneFailed"));
    }

    private String failed(Question q, String key, WalletTransactions.Summary t) {
        String why = t.reasonCode() == null ? text(q, "assistant.reasonUnknown")
                : text(q, "reason." + t.reasonCode() + ".explain", t.reasonArgs().toArray()) + " "
                        + text(q, "reason." + t.reasonCode() + ".next", t.reasonArgs().toArray());
        return text(q, key, amount(t), when(q, t.updatedAt()), why, party(t));
    }

    private String accountLocked(Question q) {
        if (q.customerUserId() == null) {
            return text(q, "assistant.signIn");
        }
        Optional<AccountView> account = accounts.find(q.customerUserId());
        if (account.isEmpty() || account.get().status() == AccountStatus.ACTIVE) {
            return text(q, "assistant.notLocked");
        }
        AccountView a = account.get();
        String reason = a.lockReason() == null ? text(q, "assistant.reasonUnknown")
                : text(q, "lock.reason." + a.lockReason().name()) + " " + text(q, "lock.todo." + a.lockReason().name());
        return text(q, "assistant.locked", reason);
    }

    private String limits(Question q) {
        if (q.customerUserId() == null) {
            return text(q, "assistant.signIn");
        }
        return standing.of(q.customerUserId()).map(s -> text(q, "assistant.limits",
                text(q, "assistant.tier." + s.tier()), Money.format(s.maxBalance()), Money.format(s.maxMonthlyIncoming()),
                Money.format(s.receivedThisMonth()), Money.format(s.balance()))
                + " " + text(q, s.canSendPeerToPeer() ? "assistant.limits.canSend" : "assistant.limits.cannotSend"))
                .orElseGet(() -> text(q, "assistant.noWallet"));
    }

    private Optional<WalletTransactions.Summary> latest(Question q, Predicate<WalletTransactions.Summary> which) {
        return transactions.recent(q.customerUserId(), 50).stream().filter(which).findFirst();
    }

    // ---- articles and texts ------------------------------------------------------------------------------

    /** The intent's article in the customer's language, else the best search hit for their words. */
    private String article(Question q, String intent) {
        Optional<HelpArticle> article = Optional.ofNullable(ARTICLE.get(intent))
                .flatMap(slug -> articles.published(slug, q.language()));
        if (article.isPresent()) {
            return "\n\n" + text(q, "assistant.readMore", article.get().title(), article.get().summary(), article.get().path());
        }
        List<ArticleHit> hits = articles.search(q.text(), q.language(), 1);
        return hits.isEmpty() ? "" : "\n\n" + text(q, "assistant.readMore", hits.get(0).title(), hits.get(0).summary(),
                hits.get(0).path());
    }

    private static String amount(WalletTransactions.Summary t) {
        return Money.format(Math.abs(t.amount()));
    }

    private static String party(WalletTransactions.Summary t) {
        return t.counterparty() == null ? "-" : t.counterparty();
    }

    private String when(Question q, Instant at) {
        return UserTime.format(at, q.language().locale(), UserTime.DEFAULT_ZONE);
    }

    String text(Question q, String key, Object... args) {
        return messages.getMessage(key, args, q.language().locale());
    }
}
