package io.walletdesk.community.internal;

import io.walletdesk.reachability.ChannelVerdict;
import io.walletdesk.reachability.OfficialChannels;
import io.walletdesk.shared.text.PhoneNumbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The safety pass every public text goes through before it is stored: one-time codes and PINs, card and bank
 * account numbers are masked; phone numbers and e-mail addresses are masked unless they are our official ones;
 * every phone number, e-mail address, web address and handle is run through the official-channel check, and an
 * imitation of ours is reported so the post carries a warning and goes to the moderation queue. The unmasked text
 * is not kept anywhere.
 */
@Component
class PostScreening {

    /** A contact in a post that imitates one of ours: as written, as recognised, and what it imitates. */
    record Imitation(String written, String normalized, String imitates) {
    }

    /** The text to publish, the kinds of personal data masked in it, and the imitations found. */
    record Screened(String text, Set<PersonalData> masked, List<Imitation> imitations) {

        boolean lookAlike() {
            return !imitations.isEmpty();
        }
    }

    private record Span(int start, int end, String replacement) {
    }

    static final String HIDDEN = "\u2022";
    /** Checks per text: enough for any honest post, bounded for a flood of numbers. */
    private static final int MAX_CHECKS = 20;

    private static final Pattern SECRET = Pattern.compile(
            "(?iu)(?:\\b(?:pin|otp|kode|code|passcode|password|sandi|token)\\b|验证码|密码|动态码|校验码)[^\\d\\n]{0,20}?(\\d{4,8})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])([\\p{L}\\p{N}._%+-]{1,64})@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
    private static final Pattern URL = Pattern.compile("(?iu)(?:\\b(?:https?://|www\\.)[^\\s<>\"'）]+"
            + "|(?<![\\p{L}\\p{N}@.-])(?:[\\p{L}\\p{N}-]+\\.)+(?:com|net|org|id|co|io|me|ly|xyz|info|app|link|site|online|top|cc|biz)"
            + "\\b(?:/[^\\s<>\"'）]*)?)");
    /** Digits with the separators people type, in groups separated by single spaces ("0812 3456-7890"). */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\+?\\(?\\d[\\d().\\-]*(?:[ \\t][+(]?\\d[\\d().\\-]*)*");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_.]{2,64}");

    private final OfficialChannels channels;

    PostScreening(OfficialChannels channels) {
        this.channels = channels;
    }

    Screened screen(String text) {
        Set<PersonalData> masked = EnumSet.noneOf(PersonalData.class);
        List<Imitation> imitations = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        int[] checks = {0};
        Function<String, ChannelVerdict> check = value -> checks[0]++ < MAX_CHECKS ? channels.check(value) : null;

        Matcher secret = SECRET.matcher(text);
        while (secret.find()) {
            add(spans, new Span(secret.start(1), secret.end(1), HIDDEN.repeat(4)));
            masked.add(PersonalData.SECRET_CODE);
        }
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            if (overlaps(spans, email.start(), email.end())) {
                continue;
            }
            ChannelVerdict verdict = check.apply(email.group());
            if (verdict != null && verdict.official()) {
                add(spans, new Span(email.start(), email.end(), email.group()));
                continue;
            }
            remember(verdict, email.group(), imitations);
            add(spans, new Span(email.start(), email.end(), email.group(1).charAt(0) + HIDDEN.repeat(3) + "@" + email.group(2)));
            masked.add(PersonalData.EMAIL);
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            String written = url.group().replaceAll("[.,;:!?)\\]]+$", "");
            if (!overlaps(spans, url.start(), url.start() + written.length())) {
                remember(check.apply(written), written, imitations);
                add(spans, new Span(url.start(), url.start() + written.length(), written));
            }
        }
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            String written = number.group().replaceAll("[().\\-]+$", "");
            if (written.replaceAll("\\D", "").length() >= 7
                    && !overlaps(spans, number.start(), number.start() + written.length())) {
                number(written, number.start(), spans, masked, imitations, check);
            }
        }
        Matcher handle = HANDLE.matcher(text);
        while (handle.find()) {
            String written = handle.group().replaceAll("\\.+$", "");
            if (!overlaps(spans, handle.start(), handle.start() + written.length())) {
                remember(check.apply(written), written, imitations);
            }
        }
        return new Screened(apply(text, spans), masked, List.copyOf(imitations));
    }

    /**
     * A run of digits and separators: a phone number, a card number, or (split at spaces, as "call 0812 3456 7890
     * or 0813 ...") several phone numbers; what is left of ten digits or more is taken for a bank account number.
     */
    private static void number(String written, int start, List<Span> spans, Set<PersonalData> masked,
            List<Imitation> imitations, Function<String, ChannelVerdict> check) {
        String digits = written.replaceAll("\\D", "");
        if (isPhone(written)) {
            phone(written, start, spans, masked, imitations, check);
        } else if (digits.length() >= 12 && digits.length() <= 19 && luhn(digits)) {
            add(spans, new Span(start, start + written.length(), keepDigits(written, 0, 4)));
            masked.add(PersonalData.CARD);
        } else {
            Matcher token = Pattern.compile("\\S+").matcher(written);
            List<int[]> tokens = new ArrayList<>();
            while (token.find()) {
                tokens.add(new int[] {token.start(), token.end()});
            }
            int i = 0;
            int rest = -1;
            while (i < tokens.size()) {
                int found = -1;
                for (int j = Math.min(tokens.size(), i + 4); j > i && found < 0; j--) {
                    if (isPhone(written.substring(tokens.get(i)[0], tokens.get(j - 1)[1]))) {
                        found = j;
                    }
                }
                if (found < 0) {
                    rest = rest < 0 ? i : rest;
                    i++;
                    continue;
                }
                account(written, start, tokens, rest, i, spans, masked);
                rest = -1;
                phone(written.substring(tokens.get(i)[0], tokens.get(found - 1)[1]), start + tokens.get(i)[0], spans,
                        masked, imitations, check);
                i = found;
            }
            account(written, start, tokens, rest, tokens.size(), spans, masked);
        }
    }

    private static void phone(String written, int start, List<Span> spans, Set<PersonalData> masked,
            List<Imitation> imitations, Function<String, ChannelVerdict> check) {
        ChannelVerdict verdict = check.apply(written);
        if (verdict != null && verdict.official()) {
            return;
        }
        remember(verdict, written, imitations);
        add(spans, new Span(start, start + written.length(), keepDigits(written, 4, 2)));
        masked.add(PersonalData.PHONE);
    }

    /** Tokens {@code from} (inclusive, none when negative) to {@code to} (exclusive) as a bank account number. */
    private static void account(String written, int start, List<int[]> tokens, int from, int to, List<Span> spans,
            Set<PersonalData> masked) {
        if (from < 0 || from >= to) {
            return;
        }
        String run = written.substring(tokens.get(from)[0], tokens.get(to - 1)[1]);
        int digits = run.replaceAll("\\D", "").length();
        if (digits >= 10 && digits <= 19) {
            add(spans, new Span(start + tokens.get(from)[0], start + tokens.get(to - 1)[1], keepDigits(run, 0, 4)));
            masked.add(PersonalData.BANK_ACCOUNT);
        }
    }

    /** Indonesian mobile and landline numbers as people write them, and any number written with a country code. */
    static boolean isPhone(String written) {
        String compact = written.replaceAll("[\\s().-]", "");
        if (!(compact.startsWith("+") || compact.startsWith("0") || compact.startsWith("62"))) {
            return false;
        }
        return PhoneNumbers.e164(compact)
                .filter(e164 -> e164.matches("\\+62[2-9]\\d{8,11}") || (compact.startsWith("+") && !e164.startsWith("+62")))
                .isPresent();
    }

    /** Every digit hidden except the first {@code head} and the last {@code tail}; separators stay as written. */
    static String keepDigits(String written, int head, int tail) {
        int total = (int) written.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (char c : written.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= head || seen > total - tail ? String.valueOf(c) : HIDDEN);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static void remember(ChannelVerdict verdict, String written, List<Imitation> imitations) {
        if (verdict != null && verdict.likelyScam()) {
            imitations.add(new Imitation(written, verdict.normalized(),
                    verdict.matchedOfficial() == null ? "" : verdict.matchedOfficial()));
        }
    }

    private static boolean overlaps(List<Span> spans, int start, int end) {
        return spans.stream().anyMatch(s -> s.start() < end && start < s.end());
    }

    private static void add(List<Span> spans, Span span) {
        if (!overlaps(spans, span.start(), span.end())) {
            spans.add(span);
        }
    }

    private static String apply(String text, List<Span> spans) {
        List<Span> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Span span : ordered) {
            out.append(text, at, span.start()).append(span.replacement());
            at = span.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
