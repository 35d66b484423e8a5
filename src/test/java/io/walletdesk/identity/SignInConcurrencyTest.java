package io.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.identity.internal.AuthenticatorApp;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ApiClient.Response;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in limits under parallel attack: 30 guesses at once (each from another address, as a botnet
 * would) lock the account at exactly the configured fifth failure, answer 401 or 429 but never 5xx, and the
 * right password sent while the burst is still running gets no token.
 */
@WalletDeskTest
class SignInConcurrencyTest {

    static final int BURST = 30;
    static final int MAX_FAILURES = 5;

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    @Autowired
    RateLimiter limiter;
    @Autowired
    MutableClock clock;

    record Customer(long id, String phone, String email, ApiClient api) {
    }

    /** 503 server-busy answers seen (bounded hashing on a small machine); each was retried. */
    final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Posts as a well-behaved client would: a 503 server-busy (Argon2 turns all taken) is retried after its
     * Retry-After. Any other 5xx is returned, so the assertions see it.
     */
    Response post(ApiClient client, Map<String, String> body) {
        for (int attempt = 0; ; attempt++) {
            Response response = client.post("/api/v1/auth/token", body);
            if (response.status() != 503 || attempt == 20) {
                return response;
            }
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/server-busy");
            assertThat(response.header("Retry-After")).isNotNull();
            busy.incrementAndGet();
            try {
                Thread.sleep(Long.parseLong(response.header("Retry-After")) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    Customer registerCustomer() {
        String phone = TestData.phone();
        String email = TestData.email();
        ApiClient api = new ApiClient(port);
        Response registered = api.post("/api/v1/auth/register", Map.of("phone", phone, "email", email,
                "name", "Rina Kartika", "language", "en", "password", TestData.PASSWORD));
        assertThat(registered.status()).as(registered.body()).isBetween(200, 202);
        api.signIn(phone, TestData.PASSWORD);
        long id = api.get("/api/v1/me").json().get("id").asLong();
        return new Customer(id, phone, email, api);
    }

    /**
     * Sends {@code BURST} requests at once; once {@code MAX_FAILURES} of them have been answered, sends
     * {@code late} (the right password or code) while the rest of the burst is still in flight.
     */
    List<Response> burst(Map<String, String> wrong, Map<String, String> late, List<Response> lateAnswer)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch answered = new CountDownLatch(MAX_FAILURES);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return post(new ApiClient(port), wrong);
                    } finally {
                        answered.countDown();
                    }
                }));
            }
            start.countDown();
            assertThat(answered.await(60, TimeUnit.SECONDS)).isTrue();
            lateAnswer.add(post(new ApiClient(port), late));
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Long> byOutcome(List<Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(
                r -> r.status() + " " + (r.body().contains("\"type\"") ? r.json().get("type").asText() : r.body()),
                Collectors.counting()));
    }

    long audited(long userId, String action) {
        return audit.recent(userId, 200).stream().filter(a -> a.action().equals(action)).count();
    }

    @Test
    void parallelWrongPasswordsLockAtExactlyTheFifthFailure() throws Exception {
        Customer customer = registerCustomer();
        Map<String, String> wrong = Map.of("grantType", "password", "identifier", customer.phone(),
                "password", "salah-sekali-123");
        Map<String, String> right = Map.of("grantType", "password", "identifier", customer.phone(),
                "password", TestData.PASSWORD);
        List<Response> late = new ArrayList<>();
        Map<String, Long> outcomes = byOutcome(burst(wrong, right, late));

        assertThat(outcomes).as("no 5xx, four refusals, then blocked").containsOnly(
                Map.entry("401 /problems/invalid-credentials", (long) MAX_FAILURES - 1),
                Map.entry("429 /problems/sign-in-blocked", (long) BURST - MAX_FAILURES + 1));
        assertThat(late.get(0).status()).as("the right password inside the burst: %s", late.get(0).body())
                .isEqualTo(429);
        assertThat(audited(customer.id(), "SIGN_IN_FAILED")).isEqualTo(MAX_FAILURES);
        assertThat(audited(customer.id(), "SIGN_IN_BLOCKED")).isEqualTo(1);
        assertThat(new ApiClient(port).post("/api/v1/auth/token", right).status()).isEqualTo(429);
    }

    @Test
    void parallelWrongSecondFactorCodesLockAtExactlyTheFifthFailure() throws Exception {
        Customer customer = registerCustomer();
        String secret = customer.api().post("/api/v1/me/2fa/setup", Map.of()).json().get("secret").asText();
        Response enabled = customer.api().post("/api/v1/me/2fa/enable",
                Map.of("code", AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant()))));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));

        Map<String, String> wrong = Map.of("grantType", "password", "identifier", customer.email(),
                "password", TestData.PASSWORD, "otp", "123456");
        Map<String, String> right = new HashMap<>(wrong);
        right.put("otp", AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant())));
        List<Response> late = new ArrayList<>();
        Map<String, Long> outcomes = byOutcome(burst(wrong, right, late));

        assertThat(outcomes).as("no 5xx, four refusals, then blocked").containsOnly(
                Map.entry("401 /problems/invalid-second-factor", (long) MAX_FAILURES - 1),
                Map.entry("429 /problems/sign-in-blocked", (long) BURST - MAX_FAILURES + 1));
        assertThat(late.get(0).status()).as("the right code inside the burst: %s", late.get(0).body())
                .isEqualTo(429);
        assertThat(audited(customer.id(), "SIGN_IN_FAILED")).isEqualTo(MAX_FAILURES);
        assertThat(audited(customer.id(), "SIGN_IN_BLOCKED")).isEqualTo(1);
    }

    @Test
    void parallelCorrectCodesAreAcceptedOnce() throws Exception {
        Customer customer = registerCustomer();
        String secret = customer.api().post("/api/v1/me/2fa/setup", Map.of()).json().get("secret").asText();
        customer.api().post("/api/v1/me/2fa/enable", Map.of("code", AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant()))));
        clock.advance(Duration.ofSeconds(30));
        Map<String, String> right = Map.of("grantType", "password", "identifier", customer.email(),
                "password", TestData.PASSWORD, "otp", AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant())));
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> post(new ApiClient(port), right), pool));
            }
            Map<String, Long> outcomes = byOutcome(calls.stream().map(CompletableFuture::join).toList());
            // The others are replays of a used code: wrong answers, counted (so possibly blocked).
            assertThat(outcomes.keySet()).as("%s", outcomes).allMatch(k -> k.startsWith("200")
                    || k.equals("401 /problems/invalid-second-factor") || k.equals("429 /problems/sign-in-blocked"));
            assertThat(outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("200"))
                    .mapToLong(Map.Entry::getValue).sum()).as("a code works once: %s", outcomes).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRateLimiterAllowsExactlyTheLimitUnderParallelHits() throws Exception {
        String bucket = "test-burst:" + TestData.clientIp();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RateLimiter.Decision>> hits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                hits.add(pool.submit(() -> {
                    start.await();
                    return limiter.hit(bucket, 7, Duration.ofHours(1));
                }));
            }
            start.countDown();
            List<RateLimiter.Decision> decisions = new ArrayList<>();
            for (Future<RateLimiter.Decision> hit : hits) {
                decisions.add(hit.get(30, TimeUnit.SECONDS));
            }
            assertThat(decisions.stream().filter(RateLimiter.Decision::allowed).count()).isEqualTo(7);
            assertThat(decisions.stream().map(RateLimiter.Decision::hits).sorted().toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelSignInsFromOneAddressAreLimitedWithoutErrors() throws Exception {
        Customer customer = registerCustomer();
        ApiClient one = new ApiClient(port);
        Map<String, String> body = Map.of("grantType", "password", "identifier", TestData.phone(),
                "password", "x-y-z-1234567");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> post(one, body)));
            }
            for (Future<Response> call : calls) {
                Response response = call.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isIn(401, 429);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(customer.id()).isPositive();
    }
}
