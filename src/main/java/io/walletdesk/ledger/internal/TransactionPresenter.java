package io.walletdesk.ledger.internal;

import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.time.UserTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a transaction into what a customer reads: translated kind, status, reason, next step and timeline. */
@Component
class TransactionPresenter {

    private final MessageSource messages;
    private final UserTime userTime;

    TransactionPresenter(MessageSource messages, UserTime userTime) {
        this.messages = messages;
        this.userTime = userTime;
    }

    /** One transaction as the API returns it. */
    record TransactionDto(long id, String kind, String kindLabel, String status, String statusLabel, String direction,
            long amount, String amountFormatted, long fee, String counterparty, String note, String reasonCode,
            String explanation, String nextStep, String waitingFor, String waitingText, Instant expectedBy,
            Long originalTransactionId, Instant createdAt, Instant updatedAt, List<StepDto> timeline) {
    }

    /** One step of the timeline. */
    record StepDto(String step, String label, String reasonCode, Instant at) {
    }

    TransactionDto dto(TransactionView t, long viewer, Locale locale) {
        Object[] args = t.reasonArgsArray();
        return new TransactionDto(t.id(), t.kind().name(), kind(t, locale), t.status().name(), status(t, locale),
                t.incomingFor(viewer) ? "IN" : "OUT", t.signedAmountFor(viewer), t.signedFormattedFor(viewer), t.customerFee(),
                t.otherPartyFor(viewer), t.note(), t.reasonCode(),
                t.reasonCode() == null ? null : msg("reason." + t.reasonCode() + ".explain", args, locale),
                t.reasonCode() == null ? null : msg("reason." + t.reasonCode() + ".next", args, locale),
                t.waitingFor(), waiting(t, locale), t.expectedBy(), t.originalTransactionId(), t.createdAt(),
                t.updatedAt(), t.timeline().stream().map(s -> new StepDto(s.step(), msg("tx.step." + s.step(), null, locale),
                        s.reasonCode(), s.at())).toList());
    }

    String kind(TransactionView t, Locale locale) {
        return msg("tx.kind." + t.kind().name(), null, locale);
    }

    String status(TransactionView t, Locale locale) {
        return msg("tx.status." + t.status().name(), null, locale);
    }

    /** <q>Waiting for your bank to confirm, at the latest until 28 Nov 2026 10:00 WIB</q>, or null. */
    String waiting(TransactionView t, Locale locale) {
        if (!t.pending() || t.waitingFor() == null) {
            return null;
        }
        return msg("tx.waiting." + t.waitingFor(), new Object[] {userTime.format(t.expectedBy())}, locale);
    }

    String explanation(TransactionView t, Locale locale) {
        return t.reasonCode() == null ? null : msg("reason." + t.reasonCode() + ".explain", t.reasonArgsArray(), locale);
    }

    String nextStep(TransactionView t, Locale locale) {
        return t.reasonCode() == null ? null : msg("reason." + t.reasonCode() + ".next", t.reasonArgsArray(), locale);
    }

    String amount(long rupiah) {
        return Money.format(rupiah);
    }

    private String msg(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }
}
