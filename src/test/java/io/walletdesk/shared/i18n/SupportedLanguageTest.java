package io.walletdesk.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class SupportedLanguageTest {

    @Test
    void picksTheFirstSupportedLanguageByWeight() {
        assertThat(SupportedLanguage.bestMatch("fr-FR,id;q=0.9,en;q=0.8")).contains(SupportedLanguage.ID);
        assertThat(SupportedLanguage.bestMatch("zh-TW,zh;q=0.9")).contains(SupportedLanguage.ZH_CN);
        assertThat(SupportedLanguage.bestMatch("en;q=0.5,zh-CN;q=0.9")).contains(SupportedLanguage.ZH_CN);
        assertThat(SupportedLanguage.bestMatch("in-ID")).contains(SupportedLanguage.ID);
        assertThat(SupportedLanguage.bestMatch("fr, de")).isEmpty();
        assertThat(SupportedLanguage.bestMatch("not a header;;q=x")).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"i18n/messages", "i18n/support", "i18n/disputes", "i18n/reporting", "i18n/wallet", "i18n/status", "i18n/reachability", "i18n/knowledge", "i18n/web"})
    void everyBundleHasEveryKey(String name) {
        ResourceBundle english = ResourceBundle.getBundle(name, Locale.ROOT);
        for (SupportedLanguage language : SupportedLanguage.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle(name, language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : english.keySet()) {
                assertThat(bundle.containsKey(key)).as("%s has %s", language, key).isTrue();
            }
        }
    }
}
