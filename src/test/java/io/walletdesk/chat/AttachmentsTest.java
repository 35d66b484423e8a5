package io.walletdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ExpectContinue;
import io.walletdesk.testing.WalletDeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Screenshots and PDFs in chat: type decided by content, size-limited, only for the conversation's participants. */
@WalletDeskTest
class AttachmentsTest {

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> upload(String token, long conversationId, String filename, byte[] content) throws Exception {
        String boundary = "----wd" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/chat/conversations/" + conversationId + "/attachments"))
                .header("X-Chat-Token", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void picturesArriveAndDisguisedFilesAreRefused() throws Exception {
        ApiClient visitor = new ApiClient(port);
        String token = visitor.post("/api/v1/chat/visitors", Map.of("name", "Gita")).json().get("token").asText();
        visitor.header("X-Chat-Token", token);
        long id = visitor.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();

        byte[] png = new byte[2048];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, png, 0, signature.length);
        HttpResponse<byte[]> stored = upload(token, id, "../../bukti transfer.exe.png", png);
        assertThat(stored.statusCode()).isEqualTo(201);

        HttpResponse<byte[]> disguised = upload(token, id, "screenshot.png", "<script>alert(1)</script>".getBytes());
        assertThat(disguised.statusCode()).isEqualTo(415);
        assertThat(new String(disguised.body(), StandardCharsets.UTF_8)).contains("/problems/attachment-type");

        // Markup and scripts are refused by content, whatever the name claims: only image and PDF signatures pass.
        for (var file : Map.of("bukti.png", "<!DOCTYPE html><html><body><script>alert(1)</script>",
                "bukti.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "bukti.pdf", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "bukti.jpg", "#!/bin/sh\nrm -rf ~\n", "bukti.gif", "GIF8<script>alert(1)</script>",
                "bukti.webp", " %PDF-1.4 leading space").entrySet()) {
            HttpResponse<byte[]> refused = upload(token, id, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(file.getKey()).isEqualTo(415);
        }

        // Sent as curl sends large bodies ("Expect: 100-continue"): the server answers 413 from the headers, before
        // the 11 MB travel, so the phone learns why at once.
        String boundary = "----wd" + System.nanoTime();
        byte[] huge = new byte[11 * 1024 * 1024];
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, huge, 0, head.length);
        ExpectContinue.Answer refused = ExpectContinue.send(port, "POST", "/api/v1/chat/conversations/" + id + "/attachments",
                Map.of("X-Chat-Token", token, "Content-Type", "multipart/form-data; boundary=" + boundary), huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text()).contains("/problems/attachment-too-large", "10 MB");

        var messages = visitor.get("/api/v1/chat/conversations/" + id + "/messages?after=0").json();
        assertThat(messages.get(0).get("body").asText()).isEqualTo("[attachment] bukti transfer.exe.png (2 KB)");
        long seq = messages.get(0).get("seq").asLong();
        var download = visitor.get("/api/v1/chat/conversations/" + id + "/messages/" + seq + "/attachment");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("X-Content-SHA256")).hasSize(64);

        ApiClient stranger = new ApiClient(port);
        String other = stranger.post("/api/v1/chat/visitors", Map.of("name", "Other")).json().get("token").asText();
        assertThat(stranger.header("X-Chat-Token", other)
                .get("/api/v1/chat/conversations/" + id + "/messages/" + seq + "/attachment").status()).isEqualTo(404);
    }
}
