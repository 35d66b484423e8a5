package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.internal.ChannelInput.Kind;
import io.walletdesk.reachability.internal.ChannelRegistry.OfficialChannel;
import io.walletdesk.reachability.internal.LookAlike.Match;
import io.walletdesk.shared.db.DatabaseOutage;
import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Says whether a phone number, e-mail address, web address or handle is one of ours, and flags imitations
 * (look-alike spellings, one digit off, our name inside a foreign domain) as likely scams.
 */
@Service
class ChannelChecker {

    enum Verdict {
        OFFICIAL, LIKELY_SCAM, NOT_LISTED, UNRECOGNISED
    }

    /** The answer of a check, with a translated explanation and advice. */
    record CheckResult(String value, String kind, String normalized, Verdict verdict, boolean official,
            boolean likelyScam, String reason, String matchedValue, String matchedLabel, String message,
            String advice) {
    }

    private record Finding(Verdict verdict, String reason, OfficialChannel matched) {
    }

    private final ChannelRegistry registry;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    ChannelChecker(ChannelRegistry registry, JdbcClient jdbc, MessageSource messages) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    CheckResult check(String value, Locale locale) {
        ChannelInput input = ChannelInput.parse(value);
        Finding finding = find(input);
        String matched = finding.matched() == null ? "" : finding.matched().displayValue();
        String message = messages.getMessage("reach.check.reason." + finding.reason(),
                new Object[] {input.disguised() ? input.raw() : input.normalized(), matched}, locale);
        String advice = messages.getMessage("reach.check.advice." + finding.verdict().name(), null, locale);
        return new CheckResult(input.raw(), input.kind().name(), input.normalized(), finding.verdict(),
                finding.verdict() == Verdict.OFFICIAL, finding.verdict() == Verdict.LIKELY_SCAM, finding.reason(),
                finding.matched() == null ? null : finding.matched().displayValue(),
                finding.matched() == null ? null : finding.matched().label(locale), message, advice);
    }

    private Finding find(ChannelInput input) {
        if (input.kind() == Kind.UNKNOWN) {
            return new Finding(Verdict.UNRECOGNISED, "unrecognised", null);
        }
        List<OfficialChannel> official = registry.active();
        Finding finding = switch (input.kind()) {
            case PHONE -> phone(input, official);
            case EMAIL -> email(input, official);
            case HANDLE -> handle(input, official);
            default -> web(input.normalized(), official, OfficialKind.WEB_DOMAIN);
        };
        if (finding.verdict() != Verdict.OFFICIAL && confirmedFake(input.normalized())) {
            return new Finding(Verdict.LIKELY_SCAM, "known-fake", finding.matched());
        }
        return finding;
    }

    private Finding phone(ChannelInput input, List<OfficialChannel> official) {
        if (input.disguised()) {
            // Letters that pass for digits exist only to make a number look like one the reader trusts.
            OfficialChannel imitated = of(official, OfficialKind.PHONE).stream()
                    .filter(c -> c.normalized().equals(input.normalized())
                            || LookAlike.oneDigitApart(input.normalized(), c.normalized()))
                    .findFirst().orElse(null);
            return new Finding(Verdict.LIKELY_SCAM, "letter-for-digit", imitated);
        }
        for (OfficialChannel c : of(official, OfficialKind.PHONE)) {
            if (c.normalized().equals(input.normalized())) {
                return new Finding(Verdict.OFFICIAL, "phone-official", c);
            }
        }
        for (OfficialChannel c : of(official, OfficialKind.PHONE)) {
            if (LookAlike.oneDigitApart(input.normalized(), c.normalized())) {
                return new Finding(Verdict.LIKELY_SCAM, "one-digit", c);
            }
        }
        return new Finding(Verdict.NOT_LISTED, "phone-not-listed", null);
    }

    private Finding email(ChannelInput input, List<OfficialChannel> official) {
        for (OfficialChannel c : of(official, OfficialKind.EMAIL)) {
            if (c.normalized().equals(input.normalized())) {
                return new Finding(Verdict.OFFICIAL, "email-official", c);
            }
        }
        String domain = input.emailDomain();
        for (OfficialChannel c : of(official, OfficialKind.EMAIL_DOMAIN)) {
            if (c.normalized().equals(domain)) {
                return new Finding(Verdict.OFFICIAL, "email-domain-official", c);
            }
        }
        if (LookAlike.FREE_MAIL.contains(domain)) {
            String local = input.normalized().substring(0, input.normalized().indexOf('@'));
            for (String brand : brandNames(official)) {
                if (LookAlike.compareNames(local, brand) != Match.NONE) {
                    return new Finding(Verdict.LIKELY_SCAM, "free-mail", first(official, OfficialKind.EMAIL_DOMAIN));
                }
            }
            return new Finding(Verdict.NOT_LISTED, "email-not-listed", null);
        }
        Finding web = web(domain, official, OfficialKind.EMAIL_DOMAIN);
        if (web.verdict() == Verdict.LIKELY_SCAM) {
            return web;
        }
        Finding site = web(domain, official, OfficialKind.WEB_DOMAIN);
        return site.verdict() == Verdict.LIKELY_SCAM ? site : new Finding(Verdict.NOT_LISTED, "email-not-listed", null);
    }

    private Finding web(String host, List<OfficialChannel> official, OfficialKind kind) {
        for (OfficialChannel c : of(official, kind)) {
            if (host.equals(c.normalized()) || host.endsWith("." + c.normalized())) {
                return new Finding(Verdict.OFFICIAL, "web-official", c);
            }
        }
        String unicodeHost = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        String registrable = LookAlike.registrableDomain(unicodeHost);
        String name = LookAlike.nameOf(registrable);
        for (OfficialChannel c : of(official, kind)) {
            String officialName = LookAlike.nameOf(LookAlike.registrableDomain(c.normalized()));
            if (name.equals(officialName)) {
                return new Finding(Verdict.LIKELY_SCAM, "other-ending", c);
            }
            Match match = LookAlike.compareNames(name, officialName);
            if (match != Match.NONE) {
                return new Finding(Verdict.LIKELY_SCAM, reason(match), c);
            }
            if (LookAlike.fold(unicodeHost).contains(LookAlike.fold(officialName))) {
                return new Finding(Verdict.LIKELY_SCAM, "contains-name", c);
            }
        }
        return new Finding(Verdict.NOT_LISTED, "web-not-listed", null);
    }

    private Finding handle(ChannelInput input, List<OfficialChannel> official) {
        List<OfficialChannel> handles = of(official, OfficialKind.HANDLE);
        OfficialChannel sameNameElsewhere = null;
        for (OfficialChannel c : handles) {
            if (c.normalized().equals(input.normalized())) {
                if (input.network().isEmpty() || input.network().equals(c.network())) {
                    return new Finding(Verdict.OFFICIAL, "handle-official", c);
                }
                sameNameElsewhere = c;
            }
        }
        if (sameNameElsewhere != null) {
            return new Finding(Verdict.LIKELY_SCAM, "other-network", sameNameElsewhere);
        }
        for (OfficialChannel c : handles) {
            Match match = LookAlike.compareNames(input.normalized(), c.normalized());
            if (match != Match.NONE) {
                return new Finding(Verdict.LIKELY_SCAM, reason(match), c);
            }
        }
        for (String brand : brandNames(official)) {
            if (LookAlike.compareNames(input.normalized(), brand) != Match.NONE) {
                return new Finding(Verdict.LIKELY_SCAM, "contains-name", handles.isEmpty() ? null : handles.get(0));
            }
        }
        return new Finding(Verdict.NOT_LISTED, "handle-not-listed", null);
    }

    private boolean confirmedFake(String normalized) {
        try {
            return !normalized.isEmpty() && jdbc.sql("SELECT COUNT(*) FROM reach_fake_report WHERE normalized = :n AND state = :confirmed")
                    .param("n", normalized).param("confirmed", FakeReports.State.CONFIRMED.name()).query(Long.class).single() > 0;
        } catch (DataAccessException failure) {
            if (!DatabaseOutage.isUnreachable(failure)) {
                throw failure;
            }
            return false; // the look-alike checks against the official list still run
        }
    }

    private static String reason(Match match) {
        return switch (match) {
            case HOMOGLYPH -> "homoglyph";
            case TYPO -> "typo";
            default -> "contains-name";
        };
    }

    private static Set<String> brandNames(List<OfficialChannel> official) {
        Set<String> names = new LinkedHashSet<>();
        for (OfficialChannel c : official) {
            if (c.kind().domain()) {
                names.add(LookAlike.nameOf(LookAlike.registrableDomain(c.normalized())));
            }
        }
        return names;
    }

    private static List<OfficialChannel> of(List<OfficialChannel> all, OfficialKind kind) {
        return all.stream().filter(c -> c.kind() == kind).toList();
    }

    private static OfficialChannel first(List<OfficialChannel> all, OfficialKind kind) {
        return of(all, kind).stream().findFirst().orElse(null);
    }
}
