package io.walletdesk.reachability;

/**
 * The official-channel check (requirement P1) for other modules: whether a phone number, e-mail address, web
 * address or social handle is ours, and whether it imitates one of ours (look-alike spelling, one digit off,
 * our name in a foreign domain, a confirmed fake report).
 */
public interface OfficialChannels {

    /** Checks one value as a customer would type it into the public check. */
    ChannelVerdict check(String value);
}
