package io.walletdesk.shared.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Language comes from the signed-in user's choice (put on the request by the identity module), else the
 * language cookie an anonymous visitor chose, else Accept-Language, else English.
 */
public class WalletDeskLocaleResolver implements LocaleResolver {

    /** Request attribute holding the signed-in user's {@link SupportedLanguage}. */
    public static final String USER_LANGUAGE_ATTRIBUTE = WalletDeskLocaleResolver.class.getName() + ".USER_LANGUAGE";
    public static final String COOKIE_NAME = "wd_lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLanguage(request).locale();
    }

    public static SupportedLanguage resolveLanguage(HttpServletRequest request) {
        if (request.getAttribute(USER_LANGUAGE_ATTRIBUTE) instanceof SupportedLanguage userChoice) {
            return userChoice;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE_NAME.equals(cookie.getName())) {
                    var chosen = SupportedLanguage.fromTag(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        return SupportedLanguage.bestMatch(request.getHeader("Accept-Language")).orElse(SupportedLanguage.EN);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        SupportedLanguage language = SupportedLanguage.of(locale).orElse(SupportedLanguage.EN);
        Cookie cookie = new Cookie(COOKIE_NAME, language.tag());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(USER_LANGUAGE_ATTRIBUTE, language);
    }
}
