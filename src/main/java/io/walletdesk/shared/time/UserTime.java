package io.walletdesk.shared.time;

import io.walletdesk.shared.i18n.SupportedLanguage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Shows stored UTC instants in the user's zone (Asia/Jakarta unless the user chose another) and language,
 * the one place that decides how dates and times read: each language's own order and month names, a 24-hour
 * clock and the zone's name ({@code 7 Dec 2026, 14:05 WIB}, {@code 7 Des 2026 14.05 WIB},
 * {@code 2026年12月7日 14:05 WIB}). Pages use it as {@code @userTime}; mails, files and the assistant use the
 * static methods with the reader's language and zone.
 */
@Component("userTime")
public class UserTime {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");
    /** Request attribute holding the signed-in user's {@link ZoneId}. */
    public static final String USER_ZONE_ATTRIBUTE = UserTime.class.getName() + ".USER_ZONE";

    /**
     * Date and date-time patterns per language. Written out rather than taken from the JDK's localized
     * styles: those put the month first and use a 12-hour clock in English (<q>Dec 7 2026 2:05 PM</q>) and
     * <q>下午2:05</q> in Chinese, unlike what customers in Indonesia read elsewhere.
     */
    private enum Pattern {
        EN("d MMM uuuu", "d MMM uuuu, HH:mm", "d MMM uuuu, HH:mm:ss", Locale.ENGLISH),
        ID("d MMM uuuu", "d MMM uuuu HH.mm", "d MMM uuuu HH.mm.ss", Locale.forLanguageTag("id-ID")),
        ZH_CN("uuuu年M月d日", "uuuu年M月d日 HH:mm", "uuuu年M月d日 HH:mm:ss", Locale.SIMPLIFIED_CHINESE);

        private final DateTimeFormatter date;
        private final DateTimeFormatter dateTime;
        private final DateTimeFormatter precise;

        Pattern(String date, String dateTime, String precise, Locale locale) {
            this.date = DateTimeFormatter.ofPattern(date, locale);
            this.dateTime = DateTimeFormatter.ofPattern(dateTime, locale);
            this.precise = DateTimeFormatter.ofPattern(precise, locale);
        }

        static Pattern of(Locale locale) {
            return Pattern.valueOf(SupportedLanguage.of(locale).orElse(SupportedLanguage.EN).name());
        }
    }

    /** Date and time in the request's language and the user's zone, with the zone's name. */
    public String format(Instant instant) {
        return format(instant, LocaleContextHolder.getLocale());
    }

    /** The instant in the user's zone, written the way {@code locale} writes dates, with the zone's name. */
    public String format(Instant instant, Locale locale) {
        return format(instant, locale, currentZone());
    }

    /** The date alone (no time, no zone) in the request's language and the user's zone. */
    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(currentZone()).toLocalDate(), LocaleContextHolder.getLocale());
    }

    /** A calendar day in the request's language. */
    public String date(LocalDate day) {
        return date(day, LocaleContextHolder.getLocale());
    }

    /**
     * Date and time for a reader outside a request (mail, PDF, assistant).
     *
     * @param instant the stored instant; null gives the empty string
     * @param locale  the reader's language (unsupported ones read English)
     * @param zone    the reader's zone; null means {@link #DEFAULT_ZONE}
     * @return e.g. {@code 2026年12月7日 14:05 WIB}
     */
    public static String format(Instant instant, Locale locale, ZoneId zone) {
        return render(instant, Pattern.of(locale).dateTime, zone);
    }

    /** As {@link #format(Instant, Locale, ZoneId)} with seconds, for evidence where the order of events matters. */
    public static String formatPrecise(Instant instant, Locale locale, ZoneId zone) {
        return render(instant, Pattern.of(locale).precise, zone);
    }

    /** A calendar day in the given language: {@code 7 Dec 2026}, {@code 7 Des 2026}, {@code 2026年12月7日}. */
    public static String date(TemporalAccessor day, Locale locale) {
        return day == null ? "" : Pattern.of(locale).date.format(day);
    }

    private static String render(Instant instant, DateTimeFormatter formatter, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        ZoneId shown = zone == null ? DEFAULT_ZONE : zone;
        return formatter.withZone(shown).format(instant) + " " + zoneLabel(shown);
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

    /** The short name shown after a time in this zone (WIB, WITA, WIT, else the zone id). */
    public static String zoneLabel(ZoneId zone) {
        return switch (zone.getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getId();
        };
    }
}
