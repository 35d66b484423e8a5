package io.walletdesk.support.teams;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Teams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins decide who works in which support team. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TeamsController {

    private final Teams teams;
    private final Accounts accounts;

    TeamsController(Teams teams, Accounts accounts) {
        this.teams = teams;
        this.accounts = accounts;
    }

    @GetMapping("/staff/teams")
    String teams(Model model) {
        var all = teams.all();
        model.addAttribute("teams", all);
        Map<Long, List<AccountView>> members = new HashMap<>();
        for (var team : all) {
            members.put(team.id(), teams.members(team.id()).stream().map(accounts::find)
                    .flatMap(Optional::stream).toList());
        }
        model.addAttribute("members", members);
        return "support/staff/teams";
    }

    @PostMapping("/staff/teams/{teamId}/members")
    String add(@PathVariable long teamId, @RequestParam long userId) {
        var account = accounts.find(userId).filter(a -> a.role().isStaff())
                .orElseThrow(() -> ProblemException.forField("not-found", FailureKind.NOT_FOUND, "userId"));
        teams.addMember(teamId, account.id());
        return "redirect:/staff/teams";
    }

    @PostMapping("/staff/teams/{teamId}/members/{userId}/remove")
    String remove(@PathVariable long teamId, @PathVariable long userId) {
        teams.removeMember(teamId, userId);
        return "redirect:/staff/teams";
    }
}
