package io.walletdesk.community.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.reachability.ChannelVerdict;
import io.walletdesk.reachability.ChannelVerdict.Kind;
import io.walletdesk.reachability.ChannelVerdict.Verdict;
import io.walletdesk.reachability.OfficialChannels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The safety pass on its own, with a stand-in for the official-channel check. */
class CommunityScreeningTest {

    private final List<String> checked = new ArrayList<>();

    /** Ours: +6281110001234 and walletdesk.co.id; a look-alike: anything one digit off ours, or "walIetdesk". */
    private final OfficialChannels channels = value -> {
        checked.add(value);
        String digits = value.replaceAll("\\D", "");
        if (digits.endsWith("81110001234")) {
            return new ChannelVerdict(value, Kind.PHONE, "+6281110001234", Verdict.OFFICIAL, "+62 811-1000-1234");
        }
        if (digits.endsWith("81110001235")) {
            return new ChannelVerdict(value, Kind.PHONE, "+6281110001235", Verdict.LIKELY_SCAM, "+62 811-1000-1234");
        }
        if (value.contains("walletdesk.co.id")) {
            return new ChannelVerdict(value, Kind.WEB, "walletdesk.co.id", Verdict.OFFICIAL, "walletdesk.co.id");
        }
        if (value.toLowerCase().contains("walletdesk") || value.contains("walIetdesk")) {
            return new ChannelVerdict(value, Kind.WEB, value.toLowerCase(), Verdict.LIKELY_SCAM, "walletdesk.co.id");
        }
        return new ChannelVerdict(value, Kind.UNKNOWN, value, Verdict.NOT_LISTED, null);
    };
    private final PostScreening screening = new PostScreening(channels);

    @Test
    void aCustomersPhoneNumberIsMaskedAndTheAuthorToldSo() {
        PostScreening.Screened s = screening.screen("Hubungi saya di 0812-3456-7890 ya");
        assertThat(s.text()).isEqualTo("Hubungi saya di 0812-••••-••90 ya");
        assertThat(s.masked()).containsExactly(PersonalData.PHONE);
        assertThat(s.lookAlike()).isFalse();
    }

    @Test
    void ourOfficialNumberStaysReadable() {
        PostScreening.Screened s = screening.screen("Call +62 811-1000-1234 any time");
        assertThat(s.text()).isEqualTo("Call +62 811-1000-1234 any time");
        assertThat(s.masked()).isEmpty();
    }

    @Test
    void aLookAlikeOfOurNumberIsMaskedAndReported() {
        PostScreening.Screened s = screening.screen("CS resmi WA 0811-1000-1235, mereka bantu cepat");
        assertThat(s.lookAlike()).isTrue();
        assertThat(s.imitations()).singleElement().satisfies(i -> {
            assertThat(i.normalized()).isEqualTo("+6281110001235");
            assertThat(i.imitates()).isEqualTo("+62 811-1000-1234");
        });
        assertThat(s.text()).doesNotContain("1000-1235");
    }

    @Test
    void lookAlikeAddressesAndHandlesAreReportedButOurSiteIsNot() {
        PostScreening.Screened s = screening.screen("Go to https://walIetdesk-help.com/login or ask @walletdesk_cs; "
                + "the real site is walletdesk.co.id.");
        assertThat(s.imitations()).extracting(PostScreening.Imitation::written)
                .containsExactly("https://walIetdesk-help.com/login", "@walletdesk_cs");
    }

    @Test
    void cardBankAccountAndCodesAreMasked() {
        PostScreening.Screened s = screening.screen("Kartu 4111 1111 1111 1111, rekening 1234567890123, OTP saya 482913, "
                + "验证码 771234, PIN: 123456");
        assertThat(s.text()).contains("•••• •••• •••• 1111").contains("•••••••••0123").doesNotContain("482913")
                .doesNotContain("771234").doesNotContain("123456");
        assertThat(s.masked()).containsExactlyInAnyOrder(PersonalData.CARD, PersonalData.BANK_ACCOUNT,
                PersonalData.SECRET_CODE);
    }

    @Test
    void eMailAddressesAreMaskedUnlessOurs() {
        PostScreening.Screened s = screening.screen("Write to budi.santoso@gmail.com or support@walletdesk.co.id");
        assertThat(s.text()).isEqualTo("Write to b•••@gmail.com or support@walletdesk.co.id");
        assertThat(s.masked()).containsExactly(PersonalData.EMAIL);
    }

    @Test
    void amountsDatesAndReferencesStayAsWritten() {
        String text = "Top up Rp300.000 on 06-12-2026 at 14:05, reference WD-10042, 3 times";
        assertThat(screening.screen(text).text()).isEqualTo(text);
        assertThat(screening.screen(text).masked()).isEmpty();
    }

    @Test
    void aFloodOfNumbersIsCheckedOnlyUpToTheLimit() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("0812-3456-").append(String.format("%04d", i)).append(' ');
        }
        PostScreening.Screened s = screening.screen(text.toString());
        assertThat(checked).hasSize(20);
        assertThat(s.text()).doesNotContain("3456");
    }

    @Test
    void publicNamesShowFirstNameAndInitial() {
        assertThat(new Member(1, "Budi Santoso Wijaya", false, "CUSTOMER").publicName()).isEqualTo("Budi W.");
        assertThat(new Member(2, "Siti Agent", true, "AGENT").publicName()).isEqualTo("Siti Agent");
    }
}
