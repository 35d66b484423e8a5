package io.walletdesk.support.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A durable, append-only journal on this node's disk for customer messages that arrive while the database
 * is away. Each entry is fsync'ed before the customer is told it is safe; completed entries are recorded in
 * a second file, and both are truncated once everything has been replayed.
 */
@Component
class IntakeJournal {

    private final Path entries;
    private final Path done;
    private final Path deadLetters;
    private final JsonMapper json;
    private final ReentrantLock lock = new ReentrantLock();

    IntakeJournal(@Value("${walletdesk.intake.journal-dir:./data/intake-journal}") String directory) {
        Path dir = Path.of(directory);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the intake journal directory " + dir, e);
        }
        this.entries = dir.resolve("journal.log");
        this.done = dir.resolve("journal.done");
        this.deadLetters = dir.resolve("dead-letter.log");
        // Its own mapper, not the web's: the web refuses NUL in JSON strings, and an entry journaled by an older
        // version with one must still be read back (then set aside), not skipped as a torn line and lost.
        this.json = JsonMapper.builder().build();
    }

    /** Writes the entry and forces it to disk before returning. */
    void append(JournalEntry entry) {
        lock.lock();
        try {
            appendLine(entries, json.writeValueAsString(entry));
        } finally {
            lock.unlock();
        }
    }

    /** Entries not yet replayed, in the order they arrived. */
    List<JournalEntry> pending() {
        lock.lock();
        try {
            if (!Files.exists(entries)) {
                return List.of();
            }
            Set<String> completed = Files.exists(done) ? new HashSet<>(Files.readAllLines(done, StandardCharsets.UTF_8))
                    : Set.of();
            List<JournalEntry> pending = new ArrayList<>();
            for (String line : Files.readAllLines(entries, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JournalEntry entry;
                try {
                    entry = json.readValue(line, JournalEntry.class);
                } catch (RuntimeException tornWrite) {
                    continue; // a line cut by a crash mid-write was never acknowledged to anyone
                }
                if (!completed.contains(entry.id())) {
                    pending.add(entry);
                }
            }
            return pending;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    void markDone(String entryId) {
        lock.lock();
        try {
            appendLine(done, entryId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets an entry aside for good: it is copied, with the reason, to {@code dead-letter.log} (never
     * truncated; staff recover it from there) and then marked done, so replay goes on with the rest.
     */
    void deadLetter(JournalEntry entry, String reason) {
        lock.lock();
        try {
            appendLine(deadLetters, json.writeValueAsString(new DeadLetter(entry, reason)));
            appendLine(done, entry.id());
        } finally {
            lock.unlock();
        }
    }

    /** Everything ever set aside on this node, oldest first. */
    List<DeadLetter> deadLetters() {
        lock.lock();
        try {
            if (!Files.exists(deadLetters)) {
                return List.of();
            }
            List<DeadLetter> all = new ArrayList<>();
            for (String line : Files.readAllLines(deadLetters, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        all.add(json.readValue(line, DeadLetter.class));
                    } catch (RuntimeException tornWrite) {
                        // a line cut by a crash; the entry itself is still pending in the journal
                    }
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** A journal entry that could not be stored, and why. */
    record DeadLetter(JournalEntry entry, String reason) {
    }

    /** Empties both files when nothing is pending, so the journal does not grow forever. */
    void compactIfIdle() {
        lock.lock();
        try {
            if (pending().isEmpty()) {
                Files.deleteIfExists(entries);
                Files.deleteIfExists(done);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    private static void appendLine(Path file, String line) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the intake journal " + file, e);
        }
    }
}
