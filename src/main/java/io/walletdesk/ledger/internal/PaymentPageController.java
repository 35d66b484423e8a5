package io.walletdesk.ledger.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Send money and pay a merchant, in two steps: the form, then a confirmation page showing who gets the
 * money (the recipient's masked name, the merchant's name) where the customer enters the PIN.
 */
@Controller
class PaymentPageController {

    private final Transfers transfers;
    private final MerchantPayments payments;

    PaymentPageController(Transfers transfers, MerchantPayments payments) {
        this.transfers = transfers;
        this.payments = payments;
    }

    @GetMapping("/wallet/send")
    String sendPage(@ModelAttribute("form") WalletForms.SendForm form) {
        return "wallet/send";
    }

    @PostMapping("/wallet/send/confirm")
    String confirmSend(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") WalletForms.SendForm form,
            BindingResult errors, Model model, HttpServletResponse response) {
        try {
            long amount = WalletForms.amount(form.getAmount());
            Transfers.Recipient recipient = transfers.lookUp(me.userId(), form.getPhone());
            model.addAttribute("recipientName", recipient.maskedName());
            model.addAttribute("amountFormatted", Money.format(amount));
            return "wallet/send-confirm";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            if (problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
                response.setHeader("Retry-After", String.valueOf(seconds.longValue()));
            }
            return "wallet/send";
        }
    }

    @PostMapping("/wallet/send")
    String send(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") WalletForms.SendForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            long amount = WalletForms.amount(form.getAmount());
            MoneyTransactions.Outcome outcome = transfers.send(me.userId(), form.getRequestKey(),
                    new Transfers.Transfer(form.getPhone(), amount, form.getPin(), form.getNote()), ClientInfo.from(request));
            return "redirect:/wallet/transactions/" + outcome.transactionId();
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            if ("pin".equals(problem.field())) {
                try {
                    model.addAttribute("recipientName", transfers.recipient(me.userId(), form.getPhone()).maskedName());
                    model.addAttribute("amountFormatted", Money.format(WalletForms.amount(form.getAmount())));
                    return "wallet/send-confirm";
                } catch (ProblemException changed) {
                    return "wallet/send";
                }
            }
            return "wallet/send";
        }
    }

    @GetMapping("/wallet/pay")
    String payPage(@ModelAttribute("form") WalletForms.PayForm form) {
        return "wallet/pay";
    }

    @PostMapping("/wallet/pay/confirm")
    String confirmPay(@ModelAttribute("form") WalletForms.PayForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        try {
            long amount = WalletForms.amount(form.getAmount());
            SystemAccounts.Striped merchant = payments.merchant(form.getMerchantCode());
            model.addAttribute("merchantName", merchant.name());
            model.addAttribute("amountFormatted", Money.format(amount));
            return "wallet/pay-confirm";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            return "wallet/pay";
        }
    }

    @PostMapping("/wallet/pay")
    String pay(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") WalletForms.PayForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            long amount = WalletForms.amount(form.getAmount());
            MoneyTransactions.Outcome outcome = payments.pay(me.userId(), form.getRequestKey(),
                    new MerchantPayments.Payment(form.getMerchantCode(), amount, form.getPin(), form.getNote()),
                    ClientInfo.from(request));
            return "redirect:/wallet/transactions/" + outcome.transactionId();
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            if ("pin".equals(problem.field())) {
                try {
                    model.addAttribute("merchantName", payments.merchant(form.getMerchantCode()).name());
                    model.addAttribute("amountFormatted", Money.format(WalletForms.amount(form.getAmount())));
                    return "wallet/pay-confirm";
                } catch (ProblemException changed) {
                    return "wallet/pay";
                }
            }
            return "wallet/pay";
        }
    }
}
