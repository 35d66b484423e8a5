package io.walletdesk.support.evidence;

import io.walletdesk.shared.crypto.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Blobs as files {@code <dir>/<first two hex digits>/<sha256>} ({@code walletdesk.attachments.dir}). Writes go
 * to a temporary file in the same folder, are forced to disk and then renamed, so a reader never sees a
 * half-written blob. With several app nodes the directory must be shared storage, or use {@link S3BlobStore} (ADR 0011).
 */
@Component
@ConditionalOnProperty(name = "walletdesk.attachments.store", havingValue = "file", matchIfMissing = true)
class FileSystemBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

    private final Path root;

    FileSystemBlobStore(@Value("${walletdesk.attachments.dir:./data/attachments}") String directory) {
        this.root = Path.of(directory).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the attachment directory " + root, e);
        }
    }

    @Override
    public String put(byte[] content) {
        String sha256 = Digests.sha256(content);
        Path target = locate(sha256);
        try {
            if (Files.exists(target)) {
                if (intact(target, sha256)) {
                    return sha256; // identical content is stored once
                }
                // We hold the genuine bytes for this key, so a damaged copy is replaced rather than kept.
                log.warn("Replacing damaged blob {}", target);
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store blob " + sha256, e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        Path file = locate(sha256);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + sha256, e);
        }
        return Optional.of(BlobStore.verified(sha256, content));
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(locate(sha256));
    }

    /** Where the blob with this key lives (whether or not it exists). */
    Path locate(String sha256) {
        if (!BlobStore.isKey(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 key: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    Path root() {
        return root;
    }

    private static boolean intact(Path file, String sha256) throws IOException {
        try {
            return Digests.sha256(Files.readAllBytes(file)).equals(sha256);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on unusual file systems; the content is identical either way.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
