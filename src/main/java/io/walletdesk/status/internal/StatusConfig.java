package io.walletdesk.status.internal;

import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusProperties.class)
class StatusConfig {

    @Bean
    UptimeCalculator statusUptimeCalculator(JdbcClient jdbc, StatusProperties properties) {
        return new UptimeCalculator(jdbc, ZoneId.of(properties.timeZone()));
    }

    @Bean
    StatusReader statusReader(JdbcClient jdbc, Clock clock, UptimeCalculator uptime) {
        return new StatusReader(jdbc, clock, uptime);
    }

    @Bean
    StatusSnapshots statusSnapshots(StatusReader reader, StatusProperties properties, Clock clock) {
        return new StatusSnapshots(reader::read, properties.cacheFile(), clock, properties.cacheTtl(),
                properties.readTimeout());
    }

    @Bean
    ProbeChecker statusProbeChecker(DataSource dataSource) {
        return new ProbeChecker(dataSource);
    }
}
