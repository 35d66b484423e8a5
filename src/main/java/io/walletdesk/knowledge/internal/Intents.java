package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.intent.IntentModel;
import io.walletdesk.knowledge.intent.LabeledText;
import io.walletdesk.knowledge.intent.Prediction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The intent model this node uses: the newest one built into the database (shipped phrases plus staff
 * corrections), else one trained from the shipped phrases alone. Every node follows the newest build within
 * a minute, so a rebuild on one node reaches all of them.
 */
@Component
class Intents {

    private static final Logger log = LoggerFactory.getLogger(Intents.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<IntentModel> current = new AtomicReference<>();
    private final AtomicLong loadedBuild = new AtomicLong(0);

    Intents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Build(long id, int examples, int corrections) {
    }

    /** Loads the model (and the sentence encoder) at start-up in the background, so no customer waits for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warm = new Thread(() -> {
            try {
                model().predict("hello");
            } catch (RuntimeException e) {
                log.warn("Intent model warm-up failed: {}", e.toString());
            }
        }, "intent-model-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    Prediction classify(String text) {
        return model().predict(text);
    }

    List<String> known() {
        return model().intents();
    }

    IntentModel model() {
        IntentModel model = current.get();
        if (model == null) {
            synchronized (this) {
                model = current.get();
                if (model == null) {
                    model = followNewest().or(ShippedModel::prebuilt).orElseGet(IntentModel::shipped);
                    current.compareAndSet(null, model);
                    model = current.get();
                }
            }
        }
        return model;
    }

    /** Trains on the shipped phrases plus every staff correction, stores the build and uses it here at once. */
    synchronized Build rebuild(Long by) {
        List<LabeledText> corrections = jdbc.sql("""
                SELECT customer_text, corrected_intent FROM assistant_turn WHERE corrected_intent IS NOT NULL ORDER BY id""")
                .query((rs, n) -> new LabeledText(rs.getString(1), rs.getString(2))).list();
        IntentModel model = IntentModel.shipped(corrections);
        int examples = ShippedModel.phraseCount() + corrections.size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            model.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO intent_model (built_at, built_by, examples, corrections, model_bytes)
                VALUES (:at, :by, :examples, :corrections, :bytes)""")
                .param("at", Timestamp.from(clock.instant())).param("by", by).param("examples", examples)
                .param("corrections", corrections.size()).param("bytes", bytes.toByteArray()).update(keys, "id");
        long id = keys.getKey().longValue();
        current.set(model);
        loadedBuild.set(id);
        return new Build(id, examples, corrections.size());
    }

    /** Loads a newer build from the database if another node (or this one) made one. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void followNewestBuild() {
        followNewest().ifPresent(current::set);
    }

    private Optional<IntentModel> followNewest() {
        record Stored(long id, byte[] bytes) {
        }
        Optional<Stored> newest = jdbc.sql("SELECT id, model_bytes FROM intent_model WHERE id > :loaded ORDER BY id DESC LIMIT 1")
                .param("loaded", loadedBuild.get())
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getBytes("model_bytes"))).optional();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        loadedBuild.set(newest.get().id());
        try {
            return Optional.of(IntentModel.read(new ByteArrayInputStream(newest.get().bytes())));
        } catch (IOException | RuntimeException broken) {
            // A build this node cannot read is skipped; the model in use stays.
            log.warn("Intent model build {} could not be loaded: {}", newest.get().id(), broken.toString());
            return Optional.empty();
        }
    }

    long loadedBuild() {
        return loadedBuild.get();
    }

    /** The newest builds, for the staff page. */
    List<Map<String, Object>> builds() {
        return jdbc.sql("SELECT id, built_at, built_by, examples, corrections FROM intent_model ORDER BY id DESC LIMIT 10")
                .query().listOfRows();
    }
}
