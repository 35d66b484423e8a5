package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Maintenance is announced ahead, starts at its start time and ends at its end time, on its own. */
@WalletDeskTest
class MaintenanceSchedulerTest {

    @Autowired
    StatusAdmin admin;
    @Autowired
    MaintenanceScheduler scheduler;
    @Autowired
    StatusSnapshots snapshots;
    @Autowired
    MutableClock clock;

    @Autowired
    StatusCatalog catalog;

    @Test
    void maintenanceStartsAndEndsAtItsTimes() {
        String code = "forum-" + System.nanoTime() % 100000;
        catalog.createComponent(code, new StatusCatalog.ComponentFields("support", 9, StatusFixtures.texts("Forum"),
                StatusFixtures.texts("Community forum"), true), StatusAdmin.Actor.system());
        String id = StatusFixtures.maintenance(admin, "Forum move", clock.instant().plus(Duration.ofHours(1)),
                Duration.ofHours(2), code);
        scheduler.run();
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(snapshots.current().snapshot().upcomingMaintenances()).anyMatch(m -> m.publicId().equals(id));

        clock.advance(Duration.ofMinutes(61));
        assertThat(scheduler.run()).isPositive();
        StatusSnapshot.Incident started = incident(id);
        assertThat(started.status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(started.startedAt()).isNotNull();
        assertThat(started.updates().get(0).body().in(java.util.Locale.forLanguageTag("id")))
                .isEqualTo("Pemeliharaan terjadwal sudah dimulai.");
        assertThat(component(code)).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        assertThat(snapshots.current().snapshot().activeMaintenances()).anyMatch(m -> m.publicId().equals(id));

        clock.advance(Duration.ofHours(2));
        scheduler.run();
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.COMPLETED);
        assertThat(incident(id).resolvedAt()).isNotNull();
        assertThat(component(code)).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void closingOneIncidentLeavesTheStatusAnotherOneGave() {
        String code = "kiosk-" + System.nanoTime() % 100000;
        catalog.createComponent(code, new StatusCatalog.ComponentFields(null, 9, StatusFixtures.texts("Kiosk"),
                StatusFixtures.texts("Kiosk"), true), StatusAdmin.Actor.system());
        String outage = StatusFixtures.incident(admin, "Kiosk down", code, ComponentStatus.MAJOR_OUTAGE);
        String slow = StatusFixtures.incident(admin, "Kiosk slow", code, ComponentStatus.DEGRADED_PERFORMANCE);
        admin.addUpdate(slow, new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, StatusFixtures.texts("ok"),
                java.util.Map.of(), true), StatusAdmin.Actor.system());
        assertThat(component(code)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        admin.addUpdate(outage, new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, StatusFixtures.texts("ok"),
                java.util.Map.of(), true), StatusAdmin.Actor.system());
        assertThat(component(code)).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    private StatusSnapshot.Incident incident(String id) {
        snapshots.invalidate();
        return snapshots.current().snapshot().incident(id).orElseThrow();
    }

    private ComponentStatus component(String code) {
        snapshots.invalidate();
        return snapshots.current().snapshot().component(code).orElseThrow().status();
    }
}
