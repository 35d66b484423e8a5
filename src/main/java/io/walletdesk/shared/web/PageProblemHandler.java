package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Pages never show a stack trace: failures render the translated error page. */
@ControllerAdvice(annotations = Controller.class)
@Order(1)
class PageProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(PageProblemHandler.class);

    private final Problems problems;

    PageProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException failure, Model model, HttpServletResponse response, Locale locale) {
        return render(failure.code(), failure.status().value(), model, response, locale, failure.args());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(NoResourceFoundException missing, Model model, HttpServletResponse response, Locale locale) {
        return render("not-found", 404, model, response, locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException denied) {
        // Let Spring Security's access-denied handling decide (redirect restricted users, 403 page otherwise).
        throw denied;
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, Model model, HttpServletResponse response, Locale locale) {
        log.error("Unexpected failure while rendering a page", failure);
        return render("internal", 500, model, response, locale);
    }

    private String render(String code, int status, Model model, HttpServletResponse response, Locale locale,
            Object... args) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problemTitle", problems.title(code, locale));
        model.addAttribute("problemDetail", problems.detail(code, locale, args));
        return "error";
    }
}
