package io.walletdesk.status.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.status.internal.StatusAdmin.Actor;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The editable list of components and their groups: names and descriptions in three languages, order. */
@Service
class StatusCatalog {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");

    /** A component's editable fields; {@code groupCode} may be null (no group). */
    record ComponentFields(String groupCode, int position, Texts name, Texts description, boolean customerFacing) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final StatusSnapshots snapshots;

    StatusCatalog(JdbcClient jdbc, Clock clock, AuditTrail audit, StatusSnapshots snapshots) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.snapshots = snapshots;
    }

    @Transactional
    public void createGroup(String code, int position, Texts name, Actor actor) {
        checkCode(code);
        requireName(name);
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO status_component_group (code, position, name_en, name_zh, name_id, created_at, updated_at)
                    VALUES (:code, :position, :en, :zh, :id, :now, :now)""")
                    .param("code", code).param("position", position).param("en", name.en()).param("zh", name.zh())
                    .param("id", name.id()).param("now", now).update();
        } catch (DuplicateKeyException taken) {
            throw ProblemException.forField("status-code-taken", FailureKind.CONFLICT, "code", code);
        }
        record(actor, "STATUS_GROUP_CREATED", code + ": " + name.en());
    }

    @Transactional
    public void createComponent(String code, ComponentFields fields, Actor actor) {
        checkCode(code);
        requireName(fields.name());
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO status_component (code, group_id, position, name_en, name_zh, name_id, description_en,
                        description_zh, description_id, status, customer_facing, created_at, updated_at)
                    VALUES (:code, :group, :position, :en, :zh, :id, :den, :dzh, :did, :status, :cf, :now, :now)""")
                    .param("code", code).param("status", ComponentStatus.OPERATIONAL.api()).param("group", groupId(fields.groupCode()), Types.BIGINT)
                    .param("position", fields.position()).param("en", fields.name().en())
                    .param("zh", fields.name().zh()).param("id", fields.name().id())
                    .param("den", fields.description().en()).param("dzh", fields.description().zh())
                    .param("did", fields.description().id()).param("cf", fields.customerFacing())
                    .param("now", now).update();
        } catch (DuplicateKeyException taken) {
            throw ProblemException.forField("status-code-taken", FailureKind.CONFLICT, "code", code);
        }
        jdbc.sql("""
                INSERT INTO status_component_history (component_id, status, changed_at, source)
                SELECT id, :status, :now, :source FROM status_component WHERE code = :code""")
                .param("status", ComponentStatus.OPERATIONAL.api()).param("now", now).param("source", actor.role()).param("code", code).update();
        record(actor, "STATUS_COMPONENT_CREATED", code + ": " + fields.name().en());
    }

    @Transactional
    public void editComponent(String code, ComponentFields fields, Actor actor) {
        requireName(fields.name());
        int changed = jdbc.sql("""
                UPDATE status_component SET group_id = :group, position = :position, name_en = :en, name_zh = :zh,
                    name_id = :id, description_en = :den, description_zh = :dzh, description_id = :did,
                    customer_facing = :cf, updated_at = :now WHERE code = :code""")
                .param("group", groupId(fields.groupCode()), Types.BIGINT).param("position", fields.position())
                .param("en", fields.name().en()).param("zh", fields.name().zh()).param("id", fields.name().id())
                .param("den", fields.description().en()).param("dzh", fields.description().zh())
                .param("did", fields.description().id()).param("cf", fields.customerFacing())
                .param("now", Timestamp.from(clock.instant())).param("code", code).update();
        if (changed == 0) {
            throw new ProblemException("status-unknown-component", FailureKind.NOT_FOUND, code);
        }
        record(actor, "STATUS_COMPONENT_EDITED", code + ": " + fields.name().en());
    }

    private Long groupId(String groupCode) {
        if (groupCode == null || groupCode.isBlank()) {
            return null;
        }
        return jdbc.sql("SELECT id FROM status_component_group WHERE code = :code").param("code", groupCode)
                .query(Long.class).optional()
                .orElseThrow(() -> ProblemException.forField("status-unknown-group", FailureKind.INVALID, "group",
                        groupCode));
    }

    private static void checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.forField("status-invalid-code", FailureKind.INVALID, "code");
        }
    }

    private static void requireName(Texts name) {
        if (name == null || name.en() == null || name.en().isBlank()) {
            throw ProblemException.forField("status-text-required", FailureKind.INVALID, "name_en");
        }
    }

    private void record(Actor actor, String action, String details) {
        audit.record(AuditEntry.of(action, actor.userId(), actor.role(), null, details, actor.client()));
        snapshots.invalidate();
    }
}
