package io.walletdesk.shared.web;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall rule for header names and values, without its regular expression: a code point must
 * be assigned and not a control character (values may also hold a tab). Same verdicts as the default
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, but printable ASCII, which is nearly every header, costs one
 * comparison per character; the regular expression was 5% of the money path's CPU (docs/benchmarks.md).
 */
final class HeaderTextRule implements Predicate<String> {

    private final boolean tabAllowed;

    HeaderTextRule(boolean tabAllowed) {
        this.tabAllowed = tabAllowed;
    }

    /** The default strict firewall with these two rules for headers; everything else as Spring ships it. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(new HeaderTextRule(false));
        firewall.setAllowedHeaderValues(new HeaderTextRule(true));
        return firewall;
    }

    @Override
    public boolean test(String text) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\t' && tabAllowed) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
