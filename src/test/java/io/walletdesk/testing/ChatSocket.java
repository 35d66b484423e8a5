package io.walletdesk.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's) speaking the chat protocol, collecting server frames. */
public class ChatSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    public ChatSocket(int port) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 12; Redmi 9A) Chrome/118.0 Mobile Safari/537.36")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/chat/ws"), new Collector())
                .join();
    }

    public ChatSocket send(Map<String, ?> frame) {
        socket.sendText(JSON.writeValueAsString(frame), true).join();
        return this;
    }

    /** Waits for the next frame of a type, skipping others (kept for later). */
    public JsonNode await(String type) {
        return await(frame -> type.equals(frame.path("type").asText()));
    }

    public JsonNode await(Predicate<JsonNode> wanted) {
        List<JsonNode> skipped = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                skipped.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            List<JsonNode> rest = new ArrayList<>();
            frames.drainTo(rest);
            frames.addAll(skipped);
            frames.addAll(rest);
        }
        throw new AssertionError("No matching frame within 10 s");
    }

    /** The next {@code count} chat messages, in arrival order. */
    public List<JsonNode> messages(int count) {
        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < count) {
            messages.add(await("message").get("message"));
        }
        return messages;
    }

    /** True when no frame of this type arrives within the given time. */
    public boolean quietFor(String type, Duration time) {
        try {
            long deadline = System.nanoTime() + time.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(50, TimeUnit.MILLISECONDS);
                if (frame != null && type.equals(frame.path("type").asText())) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
