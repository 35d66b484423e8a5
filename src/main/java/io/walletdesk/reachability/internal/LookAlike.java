package io.walletdesk.reachability.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * String tools for spotting imitations of official names: homoglyph folding ({@code 0->o}, {@code 1/i->l},
 * {@code rn->m}, {@code vv->w}, ...), Damerau-Levenshtein distance, registrable domains (eTLD+1 for the
 * suffixes common in Indonesia) and one-digit phone differences.
 */
final class LookAlike {

    /** Second-level suffixes under which the registrable domain has three labels (walletdesk.co.id). */
    private static final Set<String> SECOND_LEVEL = Set.of("co.id", "or.id", "go.id", "ac.id", "web.id", "my.id",
            "biz.id", "net.id", "sch.id", "ponpes.id", "co.uk", "org.uk", "com.au", "com.sg", "com.my", "co.jp",
            "com.cn", "com.hk", "com.tw", "co.in", "com.br", "co.za", "com.ph", "com.vn");

    /** Mail providers where anyone can open an address: staff never write from these. */
    static final Set<String> FREE_MAIL = Set.of("gmail.com", "yahoo.com", "yahoo.co.id", "outlook.com", "hotmail.com",
            "live.com", "icloud.com", "aol.com", "proton.me", "protonmail.com", "ymail.com", "mail.com", "gmx.com",
            "yandex.com", "qq.com", "163.com");

    private LookAlike() {
    }

    /** Folds characters that look alike into one, drops separators: "wa11et-desk" and "walletdesk" fold equal. */
    static String fold(String value) {
        String s = value.toLowerCase(Locale.ROOT);
        StringBuilder mapped = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '0', 'о', 'ο' -> mapped.append('o');
                case '1', 'i', 'l', '|', '!', 'ı', 'і', 'ӏ' -> mapped.append('l');
                case '3', 'е', 'ε' -> mapped.append('e');
                case '4', '@', 'а', 'α' -> mapped.append('a');
                case '5', '$', 'ѕ' -> mapped.append('s');
                case '7' -> mapped.append('t');
                case '8' -> mapped.append('b');
                case 'р', 'ρ' -> mapped.append('p');
                case 'с', 'ϲ' -> mapped.append('c');
                case 'х', 'χ' -> mapped.append('x');
                case 'у' -> mapped.append('y');
                case 'к', 'κ' -> mapped.append('k');
                case '-', '_', '.', ' ' -> {
                    // separators are easy to add or drop, they never make a name different
                }
                default -> mapped.append(c);
            }
        }
        return mapped.toString().replace("rn", "m").replace("vv", "w").replace("cl", "d");
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** "help.walletdesk.co.id" gives "walletdesk.co.id"; "g0pay-help.com" gives itself. */
    static String registrableDomain(String host) {
        String[] labels = host.split("\\.");
        if (labels.length <= 2) {
            return host;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = SECOND_LEVEL.contains(lastTwo) ? 3 : 2;
        return String.join(".", List.of(labels).subList(Math.max(0, labels.length - keep), labels.length));
    }

    /** The name part of a registrable domain: "walletdesk.co.id" gives "walletdesk". */
    static String nameOf(String registrableDomain) {
        int dot = registrableDomain.indexOf('.');
        return dot < 0 ? registrableDomain : registrableDomain.substring(0, dot);
    }

    /**
     * Whether {@code candidate} imitates {@code official}: equal after folding, within two edits (names of
     * at least five characters), or containing the official name (as in "walletdesk-support").
     */
    static Match compareNames(String candidate, String official) {
        if (candidate.equals(official)) {
            return Match.SAME;
        }
        String c = fold(candidate);
        String o = fold(official);
        if (c.equals(o)) {
            return Match.HOMOGLYPH;
        }
        if (o.length() >= 5 && distance(c, o) <= 2) {
            return Match.TYPO;
        }
        if (o.length() >= 4 && c.contains(o)) {
            return Match.CONTAINS;
        }
        for (String token : candidate.split("[-_.]+")) {
            if (token.length() >= 4 && o.length() >= 5 && !token.equals(candidate) && distance(fold(token), o) <= 2) {
                return Match.CONTAINS;
            }
        }
        return Match.NONE;
    }

    /** Two E.164 numbers of equal length differing in exactly one digit, or in two swapped neighbours. */
    static boolean oneDigitApart(String a, String b) {
        if (a.equals(b) || a.length() != b.length()) {
            return false;
        }
        return distance(a, b) == 1;
    }

    enum Match {
        SAME, HOMOGLYPH, TYPO, CONTAINS, NONE
    }
}
