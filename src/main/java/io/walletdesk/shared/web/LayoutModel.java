package io.walletdesk.shared.web;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.time.UserTime;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every page layout needs: the current path (for the language switcher) and the languages. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final UserTime userTime;

    LayoutModel(UserTime userTime) {
        this.userTime = userTime;
    }

    /** The zone pages show times in (IANA id), so scripts format live times the same way. */
    @ModelAttribute("userZone")
    String userZone() {
        return userTime.zoneId();
    }

    /** That zone's short name as pages print it after a time (WIB). */
    @ModelAttribute("userZoneName")
    String userZoneName() {
        return userTime.zoneName();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            return failed; // the error page's language switcher returns to the address that failed, not to /error
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null || !HttpMethod.GET.matches(request.getMethod()) ? "" : "?" + query);
    }

    @ModelAttribute("languages")
    SupportedLanguage[] languages() {
        return SupportedLanguage.values();
    }

    @ModelAttribute("currentLanguage")
    SupportedLanguage currentLanguage(HttpServletRequest request) {
        return WalletDeskLocaleResolver.resolveLanguage(request);
    }

    /**
     * The same attributes for a view built outside a handler method: an {@code @ExceptionHandler}'s
     * {@link ModelAndView} does not get {@code @ModelAttribute}s, and the error page then said {@code lang=en}
     * on translated text and showed an empty language selector (issue 17).
     */
    void addTo(ModelAndView view, HttpServletRequest request) {
        view.addObject("userZone", userZone());
        view.addObject("userZoneName", userZoneName());
        view.addObject("currentPath", currentPath(request));
        view.addObject("languages", languages());
        view.addObject("currentLanguage", currentLanguage(request));
    }
}
