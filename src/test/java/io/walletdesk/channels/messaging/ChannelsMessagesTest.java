package io.walletdesk.channels.messaging;

import io.walletdesk.shared.i18n.LanguageGuess;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every messaging-app text exists in English, Chinese and Indonesian; and the small pure helpers. */
class ChannelsMessagesTest {

    static Properties bundle(String suffix) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ChannelsMessagesTest.class.getResourceAsStream("/i18n/channels" + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void allThreeLanguagesHaveTheSameKeysAndEveryStateItsText() throws Exception {
        Properties en = bundle("");
        for (String language : new String[] {"", "_zh_CN", "_id"}) {
            Properties other = bundle(language);
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(language)
                    .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
            for (String key : other.stringPropertyNames()) {
                String text = other.getProperty(key);
                assertThat(text).as(key).isNotBlank();
                if (text.contains("{0}")) {
                    assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C"}))
                            .as(language + " " + key).doesNotContain("{");
                }
            }
        }
        for (MessagingOutbox.State state : MessagingOutbox.State.values()) {
            assertThat(en.stringPropertyNames()).contains("channels.state." + state);
        }
        for (String mark : new String[] {"SENT", "DELIVERED", "READ", "FAILED"}) {
            assertThat(en.stringPropertyNames()).contains("channels.delivery." + mark);
        }
    }

    @Test
    void signaturesAreCheckedOnTheExactBytes() {
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + WebhookSecrets.hmacHex("secret", body);
        assertThat(WebhookSecrets.validSignature(signature, body, "secret")).isTrue();
        assertThat(WebhookSecrets.validSignature(signature.toUpperCase(Locale.ROOT).replace("SHA256=", "sha256="), body,
                "secret")).isTrue();
        assertThat(WebhookSecrets.validSignature(signature, body, "other")).isFalse();
        assertThat(WebhookSecrets.validSignature(signature.replace("sha256=", ""), body, "secret")).isFalse();
        assertThat(WebhookSecrets.validSignature(null, body, "secret")).isFalse();
        assertThat(WebhookSecrets.sameToken("abc", "abc")).isTrue();
        assertThat(WebhookSecrets.sameToken("abc", "abd")).isFalse();
        assertThat(WebhookSecrets.sameToken("abc", null)).isFalse();
    }

    @Test
    void ourOwnPathsBecomeLinksAndLongRepliesAreSplit() {
        assertThat(OutboundReplies.absoluteLinks("Read more: /help/topup-failed.\nSee /account/contact, or x/help/no",
                "https://walletdesk.co.id")).isEqualTo(
                "Read more: https://walletdesk.co.id/help/topup-failed.\nSee https://walletdesk.co.id/account/contact, or x/help/no");
        assertThat(GraphApi.parts("a".repeat(9000), 4096)).extracting(String::length).containsExactly(4096, 4096, 808);
        assertThat(LanguageGuess.of("kenapa top up saya gagal?")).isEqualTo("id");
        assertThat(LanguageGuess.of("我的充值失败了")).isEqualTo("zh-CN");
        assertThat(LanguageGuess.of("why did my top up fail")).isEqualTo("en");
    }
}
