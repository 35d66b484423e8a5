package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Pages never show a stack trace: failures render the translated error page with a meaningful status. */
@ControllerAdvice(annotations = Controller.class)
@Order(1)
class PageProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(PageProblemHandler.class);

    private final Problems problems;
    private final LayoutModel layout;

    PageProblemHandler(Problems problems, LayoutModel layout) {
        this.problems = problems;
        this.layout = layout;
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException denied) {
        // Let Spring Security's access-denied handling decide (redirect restricted users, 403 page otherwise).
        throw denied;
    }

    /** Problems, mistyped or missing fields, unknown pages, no database connection, and our own faults. */
    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception failure, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        WebFailure meaning = WebFailure.classifyForPage(failure);
        if (meaning.isServerFault()) {
            log.error("Unexpected failure while rendering {} {}", request.getMethod(), request.getRequestURI(), failure);
        } else if (meaning.status().is5xxServerError()) {
            log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.toString());
        }
        response.setStatus(meaning.status().value());
        if (meaning.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(meaning.retryAfterSeconds()));
        }
        return page(problems, layout, meaning, request, locale);
    }

    /** The translated error page for a failure, with what the layout needs (language, selector, zone). */
    static ModelAndView page(Problems problems, LayoutModel layout, WebFailure failure, HttpServletRequest request,
            Locale locale) {
        ModelAndView page = new ModelAndView("error");
        layout.addTo(page, request);
        page.setStatus(failure.status());
        page.addObject("status", failure.status().value());
        page.addObject("problemTitle", problems.title(failure.code(), locale));
        page.addObject("problemDetail", problems.detail(failure.code(), locale, failure.args()));
        return page;
    }
}
