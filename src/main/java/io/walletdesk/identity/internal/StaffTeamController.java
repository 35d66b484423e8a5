package io.walletdesk.identity.internal;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins manage the staff team: who is an agent, a supervisor or an admin. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StaffTeamController {

    private final NewAccounts newAccounts;
    private final AccountStatusService accounts;

    StaffTeamController(NewAccounts newAccounts, AccountStatusService accounts) {
        this.newAccounts = newAccounts;
        this.accounts = accounts;
    }

    /** New staff member form. */
    static final class StaffForm {
        private String email;
        private String name;
        private Role role = Role.AGENT;
        private String password;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }


    @GetMapping("/staff/team")
    String team(@ModelAttribute("form") StaffForm form, Model model) {
        model.addAttribute("staff", accounts.staffMembers());
        model.addAttribute("roles", List.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN));
        return "identity/staff/team";
    }

    @PostMapping("/staff/team")
    String create(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") StaffForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            newAccounts.createStaff(form.getRole(), form.getEmail(), form.getName(), form.getPassword(), me.userId(),
                    ClientInfo.from(request));
            redirect.addFlashAttribute("notice", "team.created");
            return "redirect:/staff/team";
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            form.setPassword(null);
            response.setStatus(HttpFailures.status(problem).value());
            return team(form, model);
        }
    }
}
