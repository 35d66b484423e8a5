package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.ChannelVerdict;
import io.walletdesk.reachability.OfficialChannels;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** {@link OfficialChannels} answered by the same {@link ChannelChecker} as the public check page. */
@Service
class OfficialChannelLookup implements OfficialChannels {

    private final ChannelChecker checker;

    OfficialChannelLookup(ChannelChecker checker) {
        this.checker = checker;
    }

    @Override
    public ChannelVerdict check(String value) {
        ChannelChecker.CheckResult result = checker.check(value, Locale.ENGLISH);
        return new ChannelVerdict(result.value(), ChannelVerdict.Kind.valueOf(result.kind()), result.normalized(),
                ChannelVerdict.Verdict.valueOf(result.verdict().name()), result.matchedValue());
    }
}
