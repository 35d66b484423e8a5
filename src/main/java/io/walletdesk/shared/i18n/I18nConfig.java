package io.walletdesk.shared.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class I18nConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new WalletDeskLocaleResolver();
    }
}
