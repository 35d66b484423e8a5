package io.walletdesk.support.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.testing.S3ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 blob store against a real S3 API server (S3Proxy in its own process): two stores stand for two app
 * nodes, so what one node writes the other reads; content stored once, verified on every read, damage repaired.
 */
class S3BlobStoreTest {

    private static final String BUCKET = "walletdesk-attachments";
    private static S3ProxyServer server;
    private static S3Client raw;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start(BUCKET);
        raw = S3Client.builder().region(Region.AP_SOUTHEAST_3).endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    @AfterAll
    static void stopServer() {
        raw.close();
        server.close();
    }

    private static S3BlobStore node(String prefix) {
        return new S3BlobStore(server.endpoint(), "ap-southeast-3", BUCKET, prefix, true,
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }

    private static List<String> keys(String prefix) {
        return raw.listObjectsV2(request -> request.bucket(BUCKET).prefix(prefix + "/")).contents().stream()
                .map(S3Object::key).toList();
    }

    @Test
    void aBlobWrittenOnOneNodeIsReadOnAnotherAndStoredOnce() {
        S3BlobStore nodeA = node("shared");
        S3BlobStore nodeB = node("shared");
        byte[] receipt = "%PDF-1.4 bukti transfer Rp50.000".getBytes(StandardCharsets.UTF_8);

        String sha = nodeA.put(receipt);

        assertThat(sha).isEqualTo(Digests.sha256(receipt));
        assertThat(nodeB.exists(sha)).isTrue();
        assertThat(nodeB.get(sha)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(receipt));
        assertThat(nodeB.put(receipt.clone())).isEqualTo(sha);
        assertThat(keys("shared")).containsExactly("shared/" + sha.substring(0, 2) + "/" + sha);

        String absent = Digests.sha256("nothing stored");
        assertThat(nodeB.exists(absent)).isFalse();
        assertThat(nodeB.get(absent)).isEmpty();
        nodeA.destroy();
        nodeB.destroy();
    }

    @Test
    void aChangedObjectIsNeverServedAndTheNextPutOfTheGenuineContentRepairsIt() {
        S3BlobStore store = node("damage");
        byte[] screenshot = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7};
        String sha = store.put(screenshot);
        raw.putObject(request -> request.bucket(BUCKET).key(store.objectKey(sha)),
                RequestBody.fromString("%PDF-1.4 forged"));

        assertThatThrownBy(() -> store.get(sha)).isInstanceOf(CorruptBlobException.class)
                .satisfies(e -> assertThat(((CorruptBlobException) e).sha256()).isEqualTo(sha));

        store.put(screenshot);
        assertThat(store.get(sha)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(screenshot));
        store.destroy();
    }

    @Test
    void concurrentPutsOfTheSameContentFromManyThreadsLeaveOneIntactObject() throws Exception {
        S3BlobStore store = node("race");
        byte[] content = new byte[256 * 1024];
        new java.util.Random(42).nextBytes(content);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> puts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                puts.add(() -> store.put(content));
            }
            for (Future<String> put : pool.invokeAll(puts)) {
                assertThat(put.get()).isEqualTo(Digests.sha256(content));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(keys("race")).hasSize(1);
        assertThat(store.get(Digests.sha256(content))).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        store.destroy();
    }

    @Test
    void keysThatAreNotSha256AreRefusedSoAKeyCanNeverNameAnotherObject() {
        S3BlobStore store = node("keys");
        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("ABC")).isInstanceOf(IllegalArgumentException.class);
        store.destroy();
    }

    @Test
    void aMissingOrUnreachableBucketStopsTheStartWithTheVariableToSet() {
        assertThatThrownBy(() -> new S3BlobStore(server.endpoint(), "ap-southeast-3", "", "x", true,
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WALLETDESK_S3_BUCKET");
        assertThatThrownBy(() -> new S3BlobStore(server.endpoint(), "ap-southeast-3", "no-such-bucket", "x", true,
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-bucket");
        assertThatThrownBy(() -> new S3BlobStore(server.endpoint(), "ap-southeast-3", BUCKET, "x", true,
                S3ProxyServer.ACCESS_KEY, "wrong-secret"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(BUCKET);
    }
}
