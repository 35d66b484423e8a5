package io.walletdesk.support;

import io.walletdesk.support.evidence.EvidenceBundles;
import io.walletdesk.support.evidence.EvidenceChain;
import org.springframework.stereotype.Service;

/** The evidence of a conversation for other modules (complaint files): the ZIP bundle and the chain check. */
@Service
public class EvidenceExports {

    private final EvidenceBundles bundles;
    private final EvidenceChain chain;

    EvidenceExports(EvidenceBundles bundles, EvidenceChain chain) {
        this.bundles = bundles;
        this.chain = chain;
    }

    /** A conversation's readable transcript: the HTML and PDF files of its evidence bundle. */
    public record Transcript(String reference, byte[] html, byte[] pdf) {
    }

    /**
     * The ZIP bundle (transcript as text, HTML and PDF, attachments, timeline, chain, sha256 manifest and
     * VERIFY.txt) as the reader may see it.
     */
    public byte[] bundle(long conversationId, Participant reader) {
        return bundles.export(conversationId, reader);
    }

    /** The transcript as HTML and PDF, as the reader may see it (for files that carry it beside the bundle). */
    public Transcript transcript(long conversationId, Participant reader) {
        return bundles.transcript(conversationId, reader);
    }

    /** True when no message, file or step of the conversation was changed after the fact. */
    public boolean intact(long conversationId) {
        return chain.verify(conversationId).intact();
    }
}
