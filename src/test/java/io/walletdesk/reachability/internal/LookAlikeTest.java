package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.reachability.internal.ChannelInput.Kind;
import io.walletdesk.reachability.internal.LookAlike.Match;
import org.junit.jupiter.api.Test;

class LookAlikeTest {

    @Test
    void foldsLookAlikeCharacters() {
        assertThat(LookAlike.fold("g0pay")).isEqualTo(LookAlike.fold("gopay"));
        assertThat(LookAlike.fold("wa11etdesk")).isEqualTo(LookAlike.fold("walletdesk"));
        assertThat(LookAlike.fold("waIIetdesk")).isEqualTo(LookAlike.fold("walletdesk"));
        assertThat(LookAlike.fold("rnoney")).isEqualTo(LookAlike.fold("money"));
        assertThat(LookAlike.fold("vvallet")).isEqualTo(LookAlike.fold("wallet"));
        assertThat(LookAlike.fold("wallet-desk")).isEqualTo(LookAlike.fold("walletdesk"));
    }

    @Test
    void measuresDamerauLevenshteinDistance() {
        assertThat(LookAlike.distance("walletdesk", "walletdesk")).isZero();
        assertThat(LookAlike.distance("walletdesk", "walletdsek")).isEqualTo(1);
        assertThat(LookAlike.distance("walletdesk", "walletdsk")).isEqualTo(1);
        assertThat(LookAlike.distance("walletdesk", "wallertdeks")).isEqualTo(2);
        assertThat(LookAlike.distance("gopay", "ovo")).isGreaterThan(2);
    }

    @Test
    void findsRegistrableDomains() {
        assertThat(LookAlike.registrableDomain("help.walletdesk.co.id")).isEqualTo("walletdesk.co.id");
        assertThat(LookAlike.registrableDomain("a.b.example.com")).isEqualTo("example.com");
        assertThat(LookAlike.registrableDomain("g0pay-help.com")).isEqualTo("g0pay-help.com");
        assertThat(LookAlike.nameOf("walletdesk.co.id")).isEqualTo("walletdesk");
    }

    @Test
    void comparesNames() {
        assertThat(LookAlike.compareNames("g0pay", "gopay")).isEqualTo(Match.HOMOGLYPH);
        assertThat(LookAlike.compareNames("g0pay-help", "gopay")).isEqualTo(Match.CONTAINS);
        assertThat(LookAlike.compareNames("walletdsk", "walletdesk")).isEqualTo(Match.TYPO);
        assertThat(LookAlike.compareNames("walletdesk-support", "walletdesk")).isEqualTo(Match.CONTAINS);
        assertThat(LookAlike.compareNames("tokopedia", "walletdesk")).isEqualTo(Match.NONE);
        assertThat(LookAlike.oneDigitApart("+6281110001234", "+6281110001235")).isTrue();
        assertThat(LookAlike.oneDigitApart("+6281110001234", "+6281110001234")).isFalse();
        assertThat(LookAlike.oneDigitApart("+6281110001234", "+6281110009999")).isFalse();
    }

    @Test
    void readsPhoneNumbersInEveryCommonIndonesianFormat() {
        for (String raw : new String[] {"0811-1000-1234", "+62 811-1000-1234", "62811 1000 1234", "+62 (811) 1000.1234",
                "00628111 0001234", "https://wa.me/6281110001234"}) {
            ChannelInput input = ChannelInput.parse(raw);
            assertThat(input.kind()).as(raw).isEqualTo(Kind.PHONE);
            assertThat(input.normalized()).as(raw).isEqualTo("+6281110001234");
        }
        assertThat(ChannelInput.parse("(021) 5000 1234").normalized()).isEqualTo("+622150001234");
    }

    @Test
    void readsAddressesUrlsAndHandles() {
        assertThat(ChannelInput.parse("Support@WalletDesk.co.id")).extracting(ChannelInput::kind, ChannelInput::normalized)
                .containsExactly(Kind.EMAIL, "support@walletdesk.co.id");
        assertThat(ChannelInput.parse("https://www.g0pay-help.com/login?x=1")).extracting(ChannelInput::kind, ChannelInput::normalized)
                .containsExactly(Kind.WEB, "g0pay-help.com");
        assertThat(ChannelInput.parse("@WalletDesk")).extracting(ChannelInput::kind, ChannelInput::normalized)
                .containsExactly(Kind.HANDLE, "walletdesk");
        assertThat(ChannelInput.parse("https://t.me/WalletDeskID")).extracting(ChannelInput::kind, ChannelInput::normalized,
                ChannelInput::network).containsExactly(Kind.HANDLE, "walletdeskid", "telegram");
        assertThat(ChannelInput.parse("hello there").kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void comparesClientVersions() {
        assertThat(ClientVersion.parse("4.12.1").orElseThrow()).isEqualTo(new ClientVersion(4, 12, 1));
        assertThat(ClientVersion.parse("4.12").orElseThrow()).isEqualTo(new ClientVersion(4, 12, 0));
        assertThat(ClientVersion.parse("4.9.0").orElseThrow().isBelow(ClientVersion.parse("4.10.0").orElseThrow())).isTrue();
        assertThat(ClientVersion.parse("4.13.0-beta+7").orElseThrow()).isEqualTo(new ClientVersion(4, 13, 0));
        assertThat(ClientVersion.parse("latest")).isEmpty();
    }
}
