package io.walletdesk.shared.secrets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfig {

    /** Static: a bean factory post-processor must exist before the other beans are even defined. */
    @Bean
    static SecretsResolver secretsResolver() {
        return new SecretsResolver();
    }
}
