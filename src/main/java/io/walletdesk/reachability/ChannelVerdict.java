package io.walletdesk.reachability;

/**
 * The official-channel check's answer about one phone number, e-mail address, web address or handle.
 * {@code normalized} is the recognised form (E.164 phone, lower-case address, host); {@code matchedOfficial}
 * is the official channel an imitation resembles (or the official one itself), else null.
 */
public record ChannelVerdict(String value, Kind kind, String normalized, Verdict verdict, String matchedOfficial) {

    /** What the value was recognised as. */
    public enum Kind {
        PHONE, EMAIL, WEB, HANDLE, UNKNOWN
    }

    /** Ours, an imitation of ours, someone else's, or not a channel at all. */
    public enum Verdict {
        OFFICIAL, LIKELY_SCAM, NOT_LISTED, UNRECOGNISED
    }

    public boolean official() {
        return verdict == Verdict.OFFICIAL;
    }

    public boolean likelyScam() {
        return verdict == Verdict.LIKELY_SCAM;
    }
}
