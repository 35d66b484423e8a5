package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Wallet home, top-up, PIN, history and transaction detail pages. */
@Controller
class WalletPageController {

    private final WalletOverview overview;
    private final TopUps topUps;
    private final Pins pins;
    private final TransactionLog log;
    private final SystemAccounts system;
    private final TransactionPresenter presenter;

    WalletPageController(WalletOverview overview, TopUps topUps, Pins pins, TransactionLog log, SystemAccounts system,
            TransactionPresenter presenter) {
        this.overview = overview;
        this.topUps = topUps;
        this.pins = pins;
        this.log = log;
        this.system = system;
        this.presenter = presenter;
    }

    @GetMapping("/wallet")
    String home(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("wallet", overview.of(me.userId()));
        model.addAttribute("recent", log.history(me.userId(), new TransactionLog.Filter(null, null, null, null), null, 5));
        model.addAttribute("me", me.userId());
        return "wallet/home";
    }

    @GetMapping("/wallet/top-up")
    String topUpPage(@ModelAttribute("form") WalletForms.TopUpForm form, Model model) {
        model.addAttribute("banks", system.banks());
        return "wallet/top-up";
    }

    @PostMapping("/wallet/top-up")
    String topUp(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") WalletForms.TopUpForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            MoneyTransactions.Outcome outcome = topUps.topUp(me.userId(), form.getRequestKey(),
                    new TopUps.TopUp(form.getBankCode(), form.getBankAccount(), WalletForms.amount(form.getAmount())),
                    ClientInfo.from(request));
            return "redirect:/wallet/transactions/" + outcome.transactionId();
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("banks", system.banks());
            return "wallet/top-up";
        }
    }

    @GetMapping("/wallet/pin")
    String pinPage(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") WalletForms.PinForm form, Model model) {
        model.addAttribute("wallet", overview.of(me.userId()));
        return "wallet/pin";
    }

    @PostMapping("/wallet/pin")
    String setPin(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") WalletForms.PinForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            pins.set(me.userId(), form.getCurrentPin(), form.getPin(), ClientInfo.from(request));
            redirect.addFlashAttribute("pinSaved", true);
            return "redirect:/wallet";
        } catch (ProblemException problem) {
            if ("pin".equals(problem.field()) && overview.of(me.userId()).pinSet()
                    && !"pin-too-simple".equals(problem.code()) && !"pin-format".equals(problem.code())) {
                errors.rejectValue("currentPin", "problem." + problem.code() + ".detail", problem.args(), problem.code());
            } else {
                FormErrors.apply(problem, errors);
            }
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("wallet", overview.of(me.userId()));
            return "wallet/pin";
        }
    }

    @GetMapping("/wallet/transactions")
    String history(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long before, Model model) {
        List<TransactionView> page = log.history(me.userId(), HistoryFilters.parse(kind, status, from, to), before, 26);
        model.addAttribute("transactions", page.size() > 25 ? page.subList(0, 25) : page);
        model.addAttribute("olderThan", page.size() > 25 ? page.get(24).id() : null);
        model.addAttribute("kinds", TransactionKind.values());
        model.addAttribute("statuses", TransactionStatus.values());
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("me", me.userId());
        return "wallet/history";
    }

    @GetMapping("/wallet/transactions.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        return CsvExport.response(log.history(me.userId(), HistoryFilters.parse(kind, status, from, to), null, 5000),
                me.userId(), presenter, locale);
    }

    // Only digits reach the handler: anything else is simply not found (was a 500 on a failed conversion).
    @GetMapping("/wallet/transactions/{id:\\d{1,18}}")
    String detail(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model, Locale locale) {
        TransactionView t = log.findFor(me.userId(), id)
                .orElseThrow(() -> new ProblemException("transaction-not-found", FailureKind.NOT_FOUND));
        model.addAttribute("t", t);
        model.addAttribute("me", me.userId());
        model.addAttribute("explanation", presenter.explanation(t, locale));
        model.addAttribute("nextStep", presenter.nextStep(t, locale));
        model.addAttribute("waiting", presenter.waiting(t, locale));
        return "wallet/transaction";
    }
}
