package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every reachability text exists in English, Chinese and Indonesian, and every check and verdict has its texts. */
class ReachabilityMessagesTest {

    static Properties bundle(String suffix) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ReachabilityMessagesTest.class.getResourceAsStream("/i18n/reachability" + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void allThreeLanguagesHaveTheSameKeysAndNoEmptyTexts() throws Exception {
        Properties en = bundle("");
        for (String language : new String[] {"_zh_CN", "_id"}) {
            Properties other = bundle(language);
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(language)
                    .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
            for (String key : other.stringPropertyNames()) {
                String text = other.getProperty(key);
                assertThat(text).as(key).isNotBlank();
                if (text.contains("{0}")) {
                    assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C", "D", "E"}))
                            .as(language + " " + key).doesNotContain("{");
                }
            }
        }
    }

    @Test
    void everyCheckOutcomeVerdictAndReasonHasItsTexts() throws Exception {
        Set<String> keys = bundle("").stringPropertyNames();
        for (String check : concat(ServerChecks.CLIENT_CHECKS, ServerChecks.SERVER_CHECKS)) {
            assertThat(keys).contains("reach.diag.check." + check);
            for (String outcome : List.of("pass", "warn", "fail", "skip")) {
                assertThat(keys).contains("reach.diag.advice." + check + "." + outcome, "reach.diag.outcome." + outcome);
            }
        }
        for (ChannelChecker.Verdict verdict : ChannelChecker.Verdict.values()) {
            assertThat(keys).contains("reach.check.verdict." + verdict.name(), "reach.check.advice." + verdict.name());
        }
        for (String reason : List.of("phone-official", "one-digit", "phone-not-listed", "email-official",
                "email-domain-official", "free-mail", "email-not-listed", "web-official", "other-ending", "homoglyph",
                "typo", "contains-name", "web-not-listed", "handle-official", "other-network", "handle-not-listed",
                "unrecognised", "known-fake")) {
            assertThat(keys).contains("reach.check.reason." + reason);
        }
        for (OfficialKind kind : OfficialKind.values()) {
            assertThat(keys).contains("reach.channels.kind." + kind);
        }
        for (String platform : AppVersionPolicy.PLATFORMS) {
            assertThat(keys).contains("reach.platform." + platform, "reach.update.how." + platform);
        }
        for (String problem : List.of("update-required", "reach-version-invalid", "reach-version-order",
                "reach-store-url-invalid", "reach-channel-invalid", "reach-phrase-invalid")) {
            assertThat(keys).contains("problem." + problem + ".title", "problem." + problem + ".detail");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
