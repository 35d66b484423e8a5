package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A too-large upload fails while the request is parsed, before any controller is chosen, so the
 * controller-specific handlers never see it. This one answers for every path: problem+json on the API, the
 * translated error page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final Problems problems;

    UploadLimitAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, "attachment-too-large", HttpStatus.PAYLOAD_TOO_LARGE, 10);
            return new ModelAndView();
        }
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", 413);
        page.addObject("problemTitle", problems.title("attachment-too-large", locale));
        page.addObject("problemDetail", problems.detail("attachment-too-large", locale, 10));
        return page;
    }
}
