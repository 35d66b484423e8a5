package io.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build's prebuilt model must be built from the phrases shipped now, or nodes would train at start-up. */
class ShippedModelTest {

    @Test
    void thePrebuiltModelMatchesThePhraseFiles() {
        assertThat(ShippedModel.recordedDigest())
                .as("knowledge/intent-model.bin is stale: the build's process-classes step (ShippedModelBuilder) trains it")
                .contains(ShippedModel.phrasesDigest());
        assertThat(ShippedModel.prebuilt()).isPresent();
        assertThat(ShippedModel.prebuilt().orElseThrow().predict("my top up failed").intent()).isEqualTo("topup_failed");
    }
}
