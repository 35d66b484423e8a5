package io.walletdesk.shared.ratelimit;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.DatabaseProduct;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scheduled jobs run on one node at a time: ShedLock keeps the lock in the shared database. */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingLockConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                // Named from the URL, not asked of the database on first use: a node that starts its first job
                // while the database is away would otherwise fail on every job until the next restart.
                .withDatabaseProduct(url.startsWith("jdbc:h2:") ? DatabaseProduct.H2 : DatabaseProduct.POSTGRES_SQL)
                .usingDbTime()
                .build());
    }
}
