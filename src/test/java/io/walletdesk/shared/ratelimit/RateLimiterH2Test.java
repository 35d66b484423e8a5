package io.walletdesk.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default (H2 in PostgreSQL mode) has no ON CONFLICT ... DO UPDATE; its MERGE path must count
 * parallel hits exactly too. (PostgreSQL: SignInConcurrencyTest.)
 */
class RateLimiterH2Test {

    @Test
    void twentyParallelHitsAllowExactlyTheLimit() throws Exception {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:ratelimit-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                CREATE TABLE rate_limit_hits (bucket VARCHAR(200) NOT NULL, window_start TIMESTAMP WITH TIME ZONE NOT NULL,
                hits INT NOT NULL, PRIMARY KEY (bucket, window_start))""").update();
        RateLimiter limiter = new RateLimiter(jdbc, dataSource, Clock.systemUTC());
        // As the @Transactional(REQUIRES_NEW) proxy would run it.
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RateLimiter.Decision>> hits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                hits.add(pool.submit(() -> {
                    start.await();
                    return transaction.execute(s -> limiter.hit("burst", 7, Duration.ofHours(1)));
                }));
            }
            start.countDown();
            List<RateLimiter.Decision> decisions = new ArrayList<>();
            for (Future<RateLimiter.Decision> hit : hits) {
                decisions.add(hit.get(30, TimeUnit.SECONDS));
            }
            assertThat(decisions.stream().filter(RateLimiter.Decision::allowed).count()).isEqualTo(7);
            assertThat(decisions.stream().map(RateLimiter.Decision::hits).sorted().toList())
                    .isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
