package io.walletdesk.support.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.shared.crypto.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blobs on disk: keyed by SHA-256, stored once, written atomically, verified on every read. */
class FileSystemBlobStoreTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void contentIsStoredOnceUnderItsSha256AndReadBack() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("attachments").toString());
        byte[] content = "%PDF-1.4 bukti transfer".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(content);

        assertThat(sha).isEqualTo(Digests.sha256(content));
        assertThat(store.put(content.clone())).isEqualTo(sha);
        assertThat(files()).containsExactly(dir.resolve("attachments").resolve(sha.substring(0, 2)).resolve(sha));
        assertThat(store.exists(sha)).isTrue();
        assertThat(store.get(sha)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));

        String other = Digests.sha256("nothing stored");
        assertThat(store.exists(other)).isFalse();
        assertThat(store.get(other)).isEmpty();
    }

    @Test
    void aChangedFileIsDetectedOnReadAndRepairedByTheNextPutOfTheSameContent() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.toString());
        byte[] content = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        String sha = store.put(content);
        Files.write(store.locate(sha), "%PDF-1.4 forged".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.get(sha)).isInstanceOf(CorruptBlobException.class)
                .satisfies(e -> assertThat(((CorruptBlobException) e).sha256()).isEqualTo(sha));

        store.put(content);
        assertThat(store.get(sha)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void keysThatAreNotSha256CannotNameAPath() {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.toString());
        for (String key : new String[] {"../../etc/passwd", "AB" + "0".repeat(62), "0".repeat(63), "", null}) {
            assertThatThrownBy(() -> store.get(key)).as(String.valueOf(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.exists(key)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void concurrentPutsOfTheSameContentLeaveOneCompleteFileAndNoTemporaryFiles() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.toString());
        byte[] content = new byte[512 * 1024];
        new java.util.Random(7).nextBytes(content);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> puts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                puts.add(() -> store.put(content));
            }
            for (Future<String> put : pool.invokeAll(puts)) {
                assertThat(put.get()).isEqualTo(Digests.sha256(content));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(files()).hasSize(1);
        assertThat(store.get(Digests.sha256(content))).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }
}
