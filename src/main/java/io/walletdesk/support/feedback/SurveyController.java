package io.walletdesk.support.feedback;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Satisfaction surveys: the customer's side behind the personal link, and the results for supervisors. */
@Controller
class SurveyController {

    private final Satisfaction satisfaction;

    SurveyController(Satisfaction satisfaction) {
        this.satisfaction = satisfaction;
    }

    @GetMapping("/support/survey/{token}")
    String survey(@PathVariable String token, Model model) {
        model.addAttribute("open", satisfaction.open(token).isPresent());
        model.addAttribute("token", token);
        return "support/survey";
    }

    @PostMapping("/support/survey/{token}")
    String answer(@PathVariable String token, @RequestParam int rating, @RequestParam(required = false) String comment,
            Model model) {
        satisfaction.answer(token, rating, comment);
        model.addAttribute("thanks", true);
        return "support/survey";
    }

    @GetMapping("/staff/satisfaction")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String results(Model model) {
        model.addAttribute("scores", satisfaction.perAgent());
        return "support/staff/satisfaction";
    }
}
