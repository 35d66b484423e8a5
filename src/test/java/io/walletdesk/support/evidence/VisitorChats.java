package io.walletdesk.support.evidence;

import io.walletdesk.testing.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A visitor's chat over the public API, for tests that upload and download attachments. */
final class VisitorChats {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private VisitorChats() {
    }

    /** A visitor's chat conversation: its id and the visitor's token. */
    record Chat(long id, String token) {
    }

    static Chat open(int port) {
        ApiClient visitor = new ApiClient(port);
        String token = visitor.post("/api/v1/chat/visitors", Map.of("name", "Putri")).json().get("token").asText();
        long id = visitor.header("X-Chat-Token", token).post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        return new Chat(id, token);
    }

    static HttpResponse<String> upload(int port, Chat chat, String filename, byte[] content) throws Exception {
        String boundary = "----wd" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/chat/conversations/" + chat.id() + "/attachments"))
                .header("X-Chat-Token", chat.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> download(int port, Chat chat, long seq) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chat/conversations/"
                        + chat.id() + "/messages/" + seq + "/attachment")).header("X-Chat-Token", chat.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
