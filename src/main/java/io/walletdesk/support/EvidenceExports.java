package io.walletdesk.support;

/** The evidence of a conversation for other modules (complaint files): the ZIP bundle and the chain check. */
public interface EvidenceExports {

    /** A conversation's readable transcript: the HTML and PDF files of its evidence bundle. */
    record Transcript(String reference, byte[] html, byte[] pdf) {
    }

    /**
     * The ZIP bundle (transcript as text, HTML and PDF, attachments, timeline, chain, sha256 manifest and
     * VERIFY.txt) as the reader may see it.
     */
    byte[] bundle(long conversationId, Participant reader);

    /** The transcript as HTML and PDF, as the reader may see it (for files that carry it beside the bundle). */
    Transcript transcript(long conversationId, Participant reader);

    /** True when no message, file or step of the conversation was changed after the fact. */
    boolean intact(long conversationId);
}
