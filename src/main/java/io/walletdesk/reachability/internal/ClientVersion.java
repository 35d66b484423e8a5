package io.walletdesk.reachability.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client version such as {@code 4.12.1}: up to three numeric parts, anything after {@code -} or {@code +}
 * (pre-release, build) ignored. Missing parts count as zero, so {@code 4.12} equals {@code 4.12.0}.
 */
record ClientVersion(int major, int minor, int patch) implements Comparable<ClientVersion> {

    private static final Pattern FORMAT = Pattern.compile("v?(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?(?:[-+ ].*)?");

    static Optional<ClientVersion> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(raw.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ClientVersion(Integer.parseInt(m.group(1)), part(m.group(2)), part(m.group(3))));
    }

    private static int part(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    @Override
    public int compareTo(ClientVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c == 0 ? Integer.compare(patch, other.patch) : c;
    }

    boolean isBelow(ClientVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
