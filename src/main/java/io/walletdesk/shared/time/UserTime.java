package io.walletdesk.shared.time;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Shows stored UTC instants in the user's zone (Asia/Jakarta unless the user chose another) and language.
 * Available in templates as {@code @userTime}.
 */
@Component("userTime")
public class UserTime {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");
    /** Request attribute holding the signed-in user's {@link ZoneId}. */
    public static final String USER_ZONE_ATTRIBUTE = UserTime.class.getName() + ".USER_ZONE";

    public String format(Instant instant) {
        return format(instant, LocaleContextHolder.getLocale());
    }

    /** The instant in the user's zone, written the way {@code locale} writes dates, with the zone's name. */
    public String format(Instant instant, java.util.Locale locale) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = currentZone();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(instant) + " " + zoneLabel(zone);
    }

    /** The zone times are shown in, as an IANA id, for scripts that format live times the way pages do. */
    public String zoneId() {
        return currentZone().getId();
    }

    /** The short name shown after a time (WIB, WITA, WIT, else the zone id). */
    public String zoneName() {
        return zoneLabel(currentZone());
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public ZoneId currentZone() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            if (request.getAttribute(USER_ZONE_ATTRIBUTE) instanceof ZoneId zone) {
                return zone;
            }
        }
        return DEFAULT_ZONE;
    }

    public static ZoneId parseZone(String zone) {
        try {
            return zone == null || zone.isBlank() ? DEFAULT_ZONE : ZoneId.of(zone);
        } catch (DateTimeException invalid) {
            return DEFAULT_ZONE;
        }
    }

    private static String zoneLabel(ZoneId zone) {
        return switch (zone.getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getId();
        };
    }
}
