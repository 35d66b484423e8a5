package io.walletdesk.ledger.internal;

import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff see a customer's wallet transactions and refund a payment or reverse a transfer. */
@Controller
class StaffWalletPageController {

    private final TransactionLog log;
    private final Reversals reversals;

    private final Accounts accounts;

    StaffWalletPageController(TransactionLog log, Reversals reversals, Accounts accounts) {
        this.accounts = accounts;
        this.log = log;
        this.reversals = reversals;
    }

    @GetMapping("/staff/wallet/customers/{userId:\\d{1,18}}")
    String customer(@PathVariable long userId, Model model) {
        requireCustomer(accounts, userId);
        List<TransactionView> transactions = log.history(userId, new TransactionLog.Filter(null, null, null, null), null, 100);
        model.addAttribute("customerId", userId);
        model.addAttribute("transactions", transactions);
        model.addAttribute("me", userId);
        return "wallet/staff-customer";
    }

    /** Only customers have wallets; a staff account is not shown to agents (ADR 0004), so it is simply not found. */
    static void requireCustomer(Accounts accounts, long userId) {
        accounts.find(userId).filter(a -> a.role() == Role.CUSTOMER)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    @PostMapping("/staff/wallet/transactions/{id:\\d{1,18}}/reversal")
    String reverse(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String customerId,
            @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
        if (!customerId.matches("\\d{1,18}")) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "customerId");
        }
        try {
            reversals.reverse(id, me.userId(), me.role().name(), note == null || note.isBlank() ? null : note.strip(),
                    ClientInfo.from(request));
            redirect.addFlashAttribute("reversed", id);
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("problemCode", problem.code());
            redirect.addFlashAttribute("problemArgs", problem.args());
        }
        return "redirect:/staff/wallet/customers/" + customerId;
    }
}
