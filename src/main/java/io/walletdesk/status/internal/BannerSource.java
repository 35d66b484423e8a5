package io.walletdesk.status.internal;

import io.walletdesk.status.StatusBanner;
import io.walletdesk.status.StatusNotice;
import io.walletdesk.status.internal.StatusSnapshot.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The banner every page shows: open incidents with an impact, and maintenances in progress, that touch a
 * customer-facing component (or no component at all). Served from the snapshot cache, so it costs no query
 * on most requests and works while the database is down. Templates reach it as {@code @statusBanner}; the
 * fragment {@code status/banner :: banner} renders it.
 */
@Service("statusBanner")
class BannerSource implements StatusBanner {

    private final StatusSnapshots snapshots;
    private final MessageSource messages;

    BannerSource(StatusSnapshots snapshots, MessageSource messages) {
        this.snapshots = snapshots;
        this.messages = messages;
    }

    @Override
    public List<StatusNotice> current() {
        try {
            return notices(snapshots.current().snapshot(), LocaleContextHolder.getLocale());
        } catch (RuntimeException never) {
            return List.of(); // a banner must never break the page it sits on
        }
    }

    List<StatusNotice> notices(StatusSnapshot snapshot, Locale locale) {
        List<Incident> affecting = new ArrayList<>();
        snapshot.unresolvedIncidents().stream().filter(i -> i.impact() != Impact.NONE)
                .filter(i -> customerFacing(i, snapshot)).forEach(affecting::add);
        snapshot.activeMaintenances().stream().filter(i -> customerFacing(i, snapshot)).forEach(affecting::add);
        return affecting.stream().sorted(Comparator.comparing(Incident::updatedAt).reversed())
                .map(i -> new StatusNotice(StatusNotice.Kind.valueOf(i.kind().name()), i.name().in(locale), i.impact().api(),
                        i.impact() == Impact.MAJOR || i.impact() == Impact.CRITICAL, i.status().api(),
                        messages.getMessage("status.incidentStatus." + i.status().api(), null, locale),
                        "/status/incidents/" + i.publicId(),
                        i.kind() == IncidentKind.MAINTENANCE && i.startedAt() != null ? i.startedAt() : i.createdAt()))
                .toList();
    }

    private static boolean customerFacing(Incident incident, StatusSnapshot snapshot) {
        return incident.componentCodes().isEmpty() || incident.componentCodes().stream()
                .anyMatch(code -> snapshot.component(code).map(StatusSnapshot.Component::customerFacing).orElse(true));
    }
}
