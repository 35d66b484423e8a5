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

    /** The ZIP bundle (transcripts, attachments, timeline, chain, sha256 manifest) as the reader may see it. */
    public byte[] bundle(long conversationId, Participant reader) {
        return bundles.export(conversationId, reader);
    }

    /** True when no message, file or step of the conversation was changed after the fact. */
    public boolean intact(long conversationId) {
        return chain.verify(conversationId).intact();
    }
}
