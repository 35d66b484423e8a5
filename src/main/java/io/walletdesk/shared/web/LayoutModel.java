package io.walletdesk.shared.web;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.time.UserTime;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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
}
