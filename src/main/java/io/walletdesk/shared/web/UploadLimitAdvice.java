package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A too-large or broken upload fails while the request is parsed, before any controller is chosen, so the
 * controller-specific handlers never see it. This one answers for every path: problem+json on the API, the
 * translated error page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final Problems problems;
    private final LayoutModel layout;

    UploadLimitAdvice(Problems problems, LayoutModel layout) {
        this.problems = problems;
        this.layout = layout;
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView failed(MultipartException failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) throws IOException {
        // While the error page renders a refused upload, the resolver fails again: answer with the first failure.
        WebFailure meaning = request.getAttribute(ErrorPages.FAILURE_ATTRIBUTE) instanceof WebFailure first ? first
                : WebFailure.classify(failure);
        String path = ErrorPages.originalPath(request);
        response.setStatus(meaning.status().value());
        if (ErrorPages.wantsProblem(request, path)) {
            problems.write(request, response, problems.build(meaning, locale, path));
            return new ModelAndView();
        }
        return PageProblemHandler.page(problems, layout, meaning, request, locale);
    }
}
