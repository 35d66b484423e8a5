package io.walletdesk.support;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP response for an attachment, the same on every channel: always a download (never rendered inline),
 * with {@code nosniff} and a sandboxing content policy so no browser treats it as a page, and its checksum
 * for evidence.
 */
public final class AttachmentDownloads {

    private AttachmentDownloads() {
    }

    /** The file as a download; 404 when there is none. */
    public static ResponseEntity<byte[]> download(Optional<Attachments.Attachment> attachment) {
        Attachments.Attachment file = attachment.orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-SHA256", file.sha256())
                .body(file.content());
    }
}
