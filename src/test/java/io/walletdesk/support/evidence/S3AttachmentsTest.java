package io.walletdesk.support.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.support.evidence.VisitorChats.Chat;
import io.walletdesk.testing.S3ProxyServer;
import io.walletdesk.testing.WalletDeskTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with {@code walletdesk.attachments.store=s3} on PostgreSQL: a customer's upload lands in the
 * bucket, not on the node's disk, so another node (a second store on the same bucket) reads the same bytes.
 */
@WalletDeskTest
class S3AttachmentsTest {

    private static final String BUCKET = "walletdesk-it";
    private static final S3ProxyServer SERVER = S3ProxyServer.start(BUCKET);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::close));
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry properties) {
        properties.add("walletdesk.attachments.store", () -> "s3");
        properties.add("walletdesk.attachments.s3.endpoint", SERVER::endpoint);
        properties.add("walletdesk.attachments.s3.bucket", () -> BUCKET);
        properties.add("walletdesk.attachments.s3.path-style", () -> "true");
        properties.add("walletdesk.attachments.s3.access-key-id", () -> S3ProxyServer.ACCESS_KEY);
        properties.add("walletdesk.attachments.s3.secret-access-key", () -> S3ProxyServer.SECRET_KEY);
    }

    @LocalServerPort
    int port;
    @Autowired
    BlobStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadOnThisNodeIsInTheBucketAndReadByAnotherNode() throws Exception {
        assertThat(store).isInstanceOf(S3BlobStore.class);
        byte[] png = ("\u0089PNG\r\n\u001a\n" + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1);
        Chat chat = VisitorChats.open(port);

        HttpResponse<String> uploaded = VisitorChats.upload(port, chat, "bukti.png", png);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String sha = jdbc.sql("SELECT sha256 FROM conversation_attachments WHERE conversation_id = :c")
                .param("c", chat.id()).query(String.class).single();
        assertThat(sha).isEqualTo(Digests.sha256(png));
        S3BlobStore otherNode = new S3BlobStore(SERVER.endpoint(), "ap-southeast-3", BUCKET, "attachments", true,
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        assertThat(otherNode.get(sha)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(png));
        otherNode.destroy();

        long seq = jdbc.sql("SELECT message_seq FROM conversation_attachments WHERE conversation_id = :c")
                .param("c", chat.id()).query(Long.class).single();
        HttpResponse<byte[]> downloaded = VisitorChats.download(port, chat, seq);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(png);
    }
}
