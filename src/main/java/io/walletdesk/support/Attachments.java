package io.walletdesk.support;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import java.util.Optional;

/**
 * Screenshots and documents in a conversation (E1): only PNG, JPEG, GIF, WebP and PDF, decided by the
 * file's first bytes, at most 10 MB. Every read is checked against the SHA-256 recorded at upload.
 */
public interface Attachments {

    long MAX_BYTES = 10L * 1024 * 1024;

    /** A stored file. */
    record Attachment(long id, long conversationId, String filename, String contentType, long size, String sha256,
            byte[] content) {
    }

    /** Stores the file and posts a message that refers to it; idempotent by the client's message id. */
    MessageView attach(long conversationId, Participant by, String clientMessageId, String filename, byte[] content,
            Channel channel, ClientInfo client);

    /**
     * The attachment of a message, if the reader may see the conversation; its content matches its SHA-256.
     *
     * @throws ProblemException {@code attachment-damaged} (500) when the stored bytes are missing or no longer
     *     match the SHA-256 recorded at upload
     */
    Optional<Attachment> ofMessage(long conversationId, long seq, Participant reader);
}
