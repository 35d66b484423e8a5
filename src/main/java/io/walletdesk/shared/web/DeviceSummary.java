package io.walletdesk.shared.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable summary of a user agent: device type, operating system and browser (or our app), enough for
 * a customer to recognise "Chrome on Android" in their sign-in history.
 */
public record DeviceSummary(String deviceType, String os, String browser) {

    private static final Pattern APP = Pattern.compile("WalletDesk(?:App)?/([\\d.]+)");
    private static final Pattern ANDROID = Pattern.compile("Android (\\d+(?:\\.\\d+)?)");
    private static final Pattern IOS = Pattern.compile("(?:iPhone|CPU) OS (\\d+)[_.](\\d+)");
    private static final Pattern WINDOWS = Pattern.compile("Windows NT (\\d+\\.\\d+)");
    private static final Pattern MAC = Pattern.compile("Mac OS X (\\d+)[_.](\\d+)");

    public static DeviceSummary parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new DeviceSummary("unknown", "unknown", "unknown");
        }
        return new DeviceSummary(deviceType(userAgent), os(userAgent), browser(userAgent));
    }

    /** Stable key used to recognise a device that has no device id (same OS family, browser family and type). */
    public String fingerprint() {
        return (deviceType + "|" + os.replaceAll("[\\d.]", "").trim() + "|" + browser.replaceAll("[\\d.]", "").trim())
                .toLowerCase(Locale.ROOT);
    }

    public String label() {
        return browser + " · " + os + " (" + deviceType + ")";
    }

    private static String deviceType(String ua) {
        if (ua.contains("iPad") || (ua.contains("Android") && !ua.contains("Mobile")) || ua.contains("Tablet")) {
            return "tablet";
        }
        if (ua.contains("Mobi") || ua.contains("iPhone") || ua.contains("Android")) {
            return "phone";
        }
        if (APP.matcher(ua).find()) {
            return "phone";
        }
        if (ua.contains("Windows") || ua.contains("Macintosh") || ua.contains("X11") || ua.contains("Linux")) {
            return "desktop";
        }
        return "unknown";
    }

    private static String os(String ua) {
        Matcher m;
        if ((m = ANDROID.matcher(ua)).find()) {
            return "Android " + m.group(1);
        }
        if ((m = IOS.matcher(ua)).find()) {
            return (ua.contains("iPad") ? "iPadOS " : "iOS ") + m.group(1) + "." + m.group(2);
        }
        if ((m = WINDOWS.matcher(ua)).find()) {
            return switch (m.group(1)) {
                case "10.0" -> "Windows 10/11";
                case "6.3" -> "Windows 8.1";
                case "6.1" -> "Windows 7";
                default -> "Windows";
            };
        }
        if ((m = MAC.matcher(ua)).find()) {
            return "macOS " + m.group(1) + "." + m.group(2);
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return "unknown";
    }

    private static String browser(String ua) {
        Matcher app = APP.matcher(ua);
        if (app.find()) {
            return "WalletDesk app " + app.group(1);
        }
        String[][] families = {
            {"Edg/", "Edge"}, {"OPR/", "Opera"}, {"SamsungBrowser/", "Samsung Internet"},
            {"UCBrowser/", "UC Browser"}, {"Firefox/", "Firefox"}, {"HeadlessChrome/", "Chrome (headless)"},
            {"Chrome/", "Chrome"}, {"CriOS/", "Chrome"}, {"Version/", "Safari"}
        };
        for (String[] family : families) {
            int at = ua.indexOf(family[0]);
            if (at >= 0) {
                String version = ua.substring(at + family[0].length()).split("[ .;)]")[0];
                return version.isEmpty() ? family[1] : family[1] + " " + version;
            }
        }
        return ua.startsWith("Mozilla") ? "other browser" : truncate(ua.split("[ /]")[0]);
    }

    private static String truncate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40);
    }
}
