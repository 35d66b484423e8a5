package io.walletdesk.channels.messaging;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WhatsAppSettings.class, TelegramSettings.class})
class MessagingConfig {

    /** One client for both platforms' APIs; every request sets its own timeout as well. */
    @Bean
    PlatformHttp platformHttp() {
        return new PlatformHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }
}
