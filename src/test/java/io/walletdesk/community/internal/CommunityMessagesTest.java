package io.walletdesk.community.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every forum text exists in English, Chinese and Indonesian, and every category, flag and masked kind has one. */
class CommunityMessagesTest {

    static Properties bundle(String suffix) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = CommunityMessagesTest.class.getResourceAsStream("/i18n/community" + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void allThreeLanguagesHaveTheSameKeysAndFormattableTexts() throws Exception {
        Properties en = bundle("");
        for (String language : new String[] {"", "_zh_CN", "_id"}) {
            Properties texts = bundle(language);
            assertThat(new TreeSet<>(texts.stringPropertyNames())).as(language)
                    .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                assertThat(text).as(key).isNotBlank();
                if (text.contains("{0")) {
                    assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {2, 3, 4}))
                            .as(language + " " + key).doesNotContain("{");
                }
            }
        }
    }

    @Test
    void everyCategoryFlagAndMaskedKindHasItsText() throws Exception {
        Set<String> keys = bundle("").stringPropertyNames();
        for (TopicCategory category : TopicCategory.values()) {
            assertThat(keys).contains("community.category." + category.slug());
        }
        for (FlagReason reason : FlagReason.values()) {
            assertThat(keys).contains("community.flag." + reason.name());
        }
        for (PersonalData kind : PersonalData.values()) {
            assertThat(keys).contains(kind.messageKey());
        }
    }
}
