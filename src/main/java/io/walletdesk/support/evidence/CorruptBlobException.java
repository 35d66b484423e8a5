package io.walletdesk.support.evidence;

/** The bytes stored under a key no longer hash to it: the blob was changed or damaged and must not be served. */
class CorruptBlobException extends RuntimeException {

    private final String sha256;

    public CorruptBlobException(String sha256, String actual) {
        super("Stored blob " + sha256 + " does not match its content (SHA-256 now " + actual + ")");
        this.sha256 = sha256;
    }

    /** The key (expected SHA-256) of the damaged blob. */
    public String sha256() {
        return sha256;
    }
}
