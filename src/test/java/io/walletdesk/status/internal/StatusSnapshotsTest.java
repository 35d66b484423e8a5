package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The last known state survives a database outage, in memory and across a restart (disk). */
class StatusSnapshotsTest {

    static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");

    @TempDir
    Path dir;

    /** A reader on a database that does not answer: a port where nothing listens. */
    static StatusReader deadDatabase() {
        DriverManagerDataSource dead = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/walletdesk?connectTimeout=1",
                "postgres", "");
        JdbcClient jdbc = JdbcClient.create(dead);
        java.time.Clock clock = java.time.Clock.fixed(T0, ZoneOffset.UTC);
        return new StatusReader(jdbc, clock, new UptimeCalculator(jdbc, ZoneId.of("Asia/Jakarta")));
    }

    static StatusSnapshot sample(Instant takenAt) {
        var component = new StatusSnapshot.Component(1, "top-up", "wallet", 1, new Texts("Top-up", "充值", "Isi saldo"),
                null, ComponentStatus.PARTIAL_OUTAGE, true, T0, T0);
        var update = new StatusSnapshot.Update("u1", IncidentStatus.INVESTIGATING, Texts.of("Looking"), T0, T0, true,
                List.of(new StatusSnapshot.Affected("top-up", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE)));
        var incident = new StatusSnapshot.Incident(9, "abc", IncidentKind.INCIDENT, Texts.of("Top-ups slow"),
                IncidentStatus.INVESTIGATING, Impact.MINOR, T0, T0, T0, null, null, null, null, List.of("top-up"),
                List.of(update));
        var uptime = new StatusSnapshot.Uptime("top-up", 99.5,
                List.of(new StatusSnapshot.UptimeDay(LocalDate.of(2026, 11, 20), ComponentStatus.PARTIAL_OUTAGE, 0.9)));
        return new StatusSnapshot(takenAt, List.of(new StatusSnapshot.Group(1, "wallet", 1, Texts.of("Wallet"), T0, T0)),
                List.of(component), List.of(incident), Map.of("top-up", uptime));
    }

    @Test
    void theDeadDatabaseReallyFails() {
        assertThatThrownBy(() -> deadDatabase().read()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aDatabaseOutageServesTheLastKnownStateWithItsAge() {
        var clock = new MovableClock(T0);
        AtomicInteger reads = new AtomicInteger();
        StatusReader dead = deadDatabase();
        boolean[] down = {false};
        StatusSnapshots snapshots = new StatusSnapshots(() -> {
            reads.incrementAndGet();
            return down[0] ? dead.read() : sample(clock.instant());
        }, dir.resolve("status-cache.json"), clock, Duration.ofSeconds(5));

        assertThat(snapshots.current().stale()).isFalse();
        clock.now = T0.plusSeconds(2);
        snapshots.current();
        assertThat(reads).as("within the TTL no second read").hasValue(1);

        down[0] = true;
        clock.now = T0.plus(Duration.ofMinutes(7));
        StatusSnapshots.Current current = snapshots.current();
        assertThat(current.stale()).isTrue();
        assertThat(current.ageMinutes()).isEqualTo(7);
        assertThat(current.snapshot().component("top-up").orElseThrow().status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(current.snapshot().unresolvedIncidents()).hasSize(1);
    }

    @Test
    void afterARestartWithTheDatabaseStillDownTheStateComesFromDisk() throws Exception {
        Path file = dir.resolve("nested").resolve("status-cache.json");
        var clock = new MovableClock(T0);
        new StatusSnapshots(() -> sample(clock.instant()), file, clock, Duration.ofSeconds(5)).current();
        assertThat(Files.readString(file)).contains("top-up", "Isi saldo");

        clock.now = T0.plus(Duration.ofHours(2));
        StatusSnapshots restarted = new StatusSnapshots(deadDatabase()::read, file, clock, Duration.ofSeconds(5));
        StatusSnapshots.Current current = restarted.current();
        assertThat(current.stale()).isTrue();
        assertThat(current.ageMinutes()).isEqualTo(120);
        assertThat(current.snapshot()).isEqualTo(sample(T0));
    }

    @Test
    void aHangingDatabaseDoesNotHangThePage() {
        var clock = new MovableClock(T0);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        boolean[] hang = {false};
        StatusSnapshots snapshots = new StatusSnapshots(() -> {
            if (hang[0]) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return sample(clock.instant());
        }, dir.resolve("hang.json"), clock, Duration.ofSeconds(5), Duration.ofMillis(300));
        snapshots.current();
        hang[0] = true;
        clock.now = T0.plus(Duration.ofMinutes(3));
        long start = System.nanoTime();
        assertThat(snapshots.current().stale()).isTrue();
        assertThat(snapshots.current().stale()).as("the second caller does not wait again").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        release.countDown();
        hang[0] = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (snapshots.current().stale() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(snapshots.current().stale()).isFalse();
        snapshots.close();
    }

    @Test
    void withNothingKnownTheOutageGivesAnEmptyStaleState() {
        StatusSnapshots snapshots = new StatusSnapshots(deadDatabase()::read, dir.resolve("none.json"),
                new MovableClock(T0), Duration.ofSeconds(5));
        assertThat(snapshots.current().stale()).isTrue();
        assertThat(snapshots.current().snapshot().components()).isEmpty();
    }

    @Test
    void aCorruptFileIsIgnored() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{not json");
        StatusSnapshots snapshots = new StatusSnapshots(deadDatabase()::read, file, new MovableClock(T0),
                Duration.ofSeconds(5));
        assertThat(snapshots.lastKnown()).isEmpty();
    }

    /** A clock a test sets directly. */
    static final class MovableClock extends java.time.Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
