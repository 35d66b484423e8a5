package io.walletdesk.reachability.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone typed into the check, recognised and normalised: a phone number in any common Indonesian
 * format (0812..., +62 812-..., 62812..., wa.me links) becomes E.164; an e-mail address is lower-cased; a web
 * address becomes its host; a handle (@name or a profile link) becomes its lower-case name and network.
 */
record ChannelInput(Kind kind, String raw, String normalized, String network) {

    enum Kind {
        PHONE, EMAIL, WEB, HANDLE, UNKNOWN
    }

    private static final Pattern EMAIL = Pattern.compile("(?:mailto:)?([^@\\s<>\"]{1,64})@([^@\\s<>\"]{3,255})");
    private static final Pattern PHONE_CHARS = Pattern.compile("[+()\\d\\s.\\-/]{7,30}");
    /** A number with letters that pass for digits: O for 0, l, I or | for 1 ("0812-3456-789O"). */
    private static final Pattern DISGUISED_PHONE = Pattern.compile("(?=(?:[^\\d]*\\d){6})[+()\\d\\s.\\-/OolI|]{7,30}");
    private static final Pattern HANDLE = Pattern.compile("@([\\p{L}\\p{N}_.]{2,64})");
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Map<String, String> SOCIAL_HOSTS = Map.of("instagram.com", "instagram", "x.com", "x",
            "twitter.com", "x", "t.me", "telegram", "telegram.me", "telegram", "tiktok.com", "tiktok",
            "facebook.com", "facebook", "fb.com", "facebook", "youtube.com", "youtube");

    static ChannelInput parse(String value) {
        String raw = value == null ? "" : value.strip();
        if (raw.isEmpty() || raw.length() > 500) {
            return new ChannelInput(Kind.UNKNOWN, raw, "", "");
        }
        if (PHONE_CHARS.matcher(raw).matches()) {
            String phone = normalisePhone(raw);
            return phone == null ? new ChannelInput(Kind.UNKNOWN, raw, "", "") : new ChannelInput(Kind.PHONE, raw, phone, "phone");
        }
        if (DISGUISED_PHONE.matcher(raw).matches()) {
            String phone = normalisePhone(digitsFor(raw));
            if (phone != null) {
                return new ChannelInput(Kind.PHONE, raw, phone, DISGUISED);
            }
        }
        Matcher handle = HANDLE.matcher(raw);
        if (handle.matches()) {
            return new ChannelInput(Kind.HANDLE, raw, handle.group(1).toLowerCase(Locale.ROOT), "");
        }
        Matcher email = EMAIL.matcher(raw);
        if (email.matches() && !raw.contains("/")) {
            String domain = host(email.group(2));
            return domain == null ? new ChannelInput(Kind.UNKNOWN, raw, "", "")
                    : new ChannelInput(Kind.EMAIL, raw, email.group(1).toLowerCase(Locale.ROOT) + "@" + domain, "email");
        }
        return web(raw);
    }

    /** The network of a phone number typed with letters in place of digits, which no real number has. */
    static final String DISGUISED = "disguised-phone";

    /** Whether letters stood in for digits in what was typed. */
    boolean disguised() {
        return DISGUISED.equals(network);
    }

    private static String digitsFor(String raw) {
        return raw.replace('O', '0').replace('o', '0').replace('l', '1').replace('I', '1').replace('|', '1');
    }

    /** The domain of an e-mail address. */
    String emailDomain() {
        return normalized.substring(normalized.indexOf('@') + 1);
    }

    private static ChannelInput web(String raw) {
        String url = raw.replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "");
        int end = url.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = url.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String authority = url.substring(0, end);
        String rest = url.substring(end);
        authority = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d+$", "");
        String host = host(authority);
        if (host == null) {
            return new ChannelInput(Kind.UNKNOWN, raw, "", "");
        }
        String bare = host.startsWith("www.") ? host.substring(4) : host;
        if (bare.equals("wa.me") || bare.equals("api.whatsapp.com")) {
            Matcher digits = Pattern.compile("(\\d{8,15})").matcher(rest);
            if (digits.find()) {
                String phone = normalisePhone(digits.group(1));
                if (phone != null) {
                    return new ChannelInput(Kind.PHONE, raw, phone, "whatsapp");
                }
            }
        }
        String network = SOCIAL_HOSTS.get(bare.startsWith("m.") ? bare.substring(2) : bare);
        if (network != null) {
            Matcher name = Pattern.compile("^/@?([\\p{L}\\p{N}_.]{2,64})").matcher(rest);
            if (name.find()) {
                return new ChannelInput(Kind.HANDLE, raw, name.group(1).toLowerCase(Locale.ROOT), network);
            }
        }
        return new ChannelInput(Kind.WEB, raw, bare, "web");
    }

    /** Lower-case ASCII host (internationalised names in their xn-- form), or null if it is not a host name. */
    static String host(String candidate) {
        String host = candidate.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
        if (!HOST.matcher(host).matches()) {
            return null;
        }
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            return ascii.matches("[a-z0-9.-]+") && !ascii.matches("[0-9.]+") ? ascii : null;
        } catch (IllegalArgumentException notAHost) {
            return null;
        }
    }

    /** "0812-3456-7890", "+62 812 3456 7890", "62812..." and "(021) 5000 1234" become "+62...". */
    static String normalisePhone(String raw) {
        String digits = raw.replaceAll("[\\s.\\-/()]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
            if (!digits.matches("\\d{8,15}")) {
                return null;
            }
            return "+" + (digits.startsWith("620") ? "62" + digits.substring(3) : digits);
        }
        if (!digits.matches("\\d{6,15}")) {
            return null;
        }
        if (digits.startsWith("0062")) {
            return "+62" + digits.substring(4);
        }
        if (digits.startsWith("62") && digits.length() >= 10) {
            return "+" + digits;
        }
        if (digits.startsWith("0")) {
            return "+62" + digits.substring(1);
        }
        if (digits.startsWith("8") && digits.length() >= 9) {
            return "+62" + digits;
        }
        return null;
    }
}
