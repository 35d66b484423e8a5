package io.walletdesk.support.web;

import io.walletdesk.shared.web.ProblemException;
import io.walletdesk.support.Attachments;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Attachments always download (never render inline), with their checksum for evidence. */
final class AttachmentDownloads {

    private AttachmentDownloads() {
    }

    static ResponseEntity<byte[]> download(Optional<Attachments.Attachment> attachment) {
        Attachments.Attachment file = attachment.orElseThrow(() -> new ProblemException("not-found", HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header("Content-Disposition", "attachment; filename=\"" + file.filename() + "\"")
                .header("X-Content-SHA256", file.sha256())
                .body(file.content());
    }
}
