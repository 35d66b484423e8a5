package io.walletdesk.support.evidence;

import io.walletdesk.shared.crypto.Digests;
import java.util.Optional;

/**
 * Content-addressed storage of file bytes (attachments): a blob's key is the lower-case hex SHA-256 of its
 * content, so identical content is stored once and every read can be checked against its key. The file
 * system store is the first implementation; an S3-compatible one can follow behind this interface
 * (ADR 0011).
 */
interface BlobStore {

    /** Stores the content (once, however often it is put) and returns its SHA-256, the key to read it back. */
    String put(byte[] content);

    /**
     * The content stored under the key, verified against it; empty when nothing is stored under the key.
     *
     * @throws CorruptBlobException when the stored bytes no longer hash to the key (changed or damaged)
     * @throws IllegalArgumentException when the key is not a SHA-256 in lower-case hex
     */
    Optional<byte[]> get(String sha256);

    /** Whether something is stored under the key (without reading or verifying it). */
    boolean exists(String sha256);

    /**
     * The content read under the key, if it still hashes to it.
     *
     * @throws CorruptBlobException when it does not (the stored bytes were changed or damaged)
     */
    static byte[] verified(String sha256, byte[] content) {
        String actual = Digests.sha256(content);
        if (!actual.equals(sha256)) {
            throw new CorruptBlobException(sha256, actual);
        }
        return content;
    }

    /** True for a SHA-256 in lower-case hex, the only keys a store accepts (so a key can never name a path). */
    static boolean isKey(String sha256) {
        return sha256 != null && sha256.matches("[0-9a-f]{64}");
    }
}
