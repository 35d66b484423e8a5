package io.walletdesk.shared.web;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page layout needs: the current path (for the language switcher) and the languages. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

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
