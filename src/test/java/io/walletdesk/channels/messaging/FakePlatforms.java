package io.walletdesk.channels.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The external boundary in tests: a local HTTP server that plays Meta's Graph API (messages, media) and Telegram's
 * Bot API (sendMessage, sendDocument, getFile, file download). It records every request, answers as the platforms
 * document, and can be told to refuse the next requests with 429 or 500.
 */
final class FakePlatforms {

    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String ACCESS_TOKEN = "EAAGtest-access-token";
    static final String BOT_TOKEN = "123456789:AAtestBotToken";

    static final String BASE_PROPERTY = "walletdesk.test.fake-platforms";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FakePlatforms instance;

    /** One request as it arrived. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final Map<String, String> mediaTypes = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);

    private FakePlatforms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        System.setProperty(BASE_PROPERTY, base());
    }

    /** Starts the server before the application (whose settings name it through {@link #BASE_PROPERTY}). */
    static final class Starter implements org.junit.jupiter.api.extension.BeforeAllCallback {
        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            get();
        }
    }

    static synchronized FakePlatforms get() {
        if (instance == null) {
            try {
                instance = new FakePlatforms();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next sends (messages, sendMessage, sendDocument) answer with these statuses, in order. */
    void failNextSends(Integer... statuses) {
        failures.addAll(List.of(statuses));
    }

    /** Media the Graph API (by media id) and the Bot API (by file id) will serve. */
    void serveMedia(String id, String mimeType, byte[] content) {
        media.put(id, content);
        mediaTypes.put(id, mimeType);
    }

    List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    /** Graph API sends to one WhatsApp id. */
    List<Request> whatsAppSendsTo(String waId) {
        return requests(r -> r.method().equals("POST") && r.path().endsWith("/" + PHONE_NUMBER_ID + "/messages")
                && waId.equals(r.json().path("to").asString("")));
    }

    /** Bot API sendMessage/sendDocument calls to one chat. */
    List<Request> telegramSendsTo(String chatId) {
        return requests(r -> r.method().equals("POST") && r.path().startsWith("/bot" + BOT_TOKEN + "/send")
                && (r.path().endsWith("/sendDocument") ? r.text().contains("\r\n\r\n" + chatId + "\r\n")
                        : chatId.equals(r.json().path("chat_id").asString(""))));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        Request request = new Request(exchange.getRequestMethod(), path, query, Map.copyOf(exchange.getRequestHeaders()), body);
        boolean send = request.method().equals("POST");
        if (send) {
            Integer failure = failures.poll();
            if (failure != null) {
                requests.add(request);
                answer(exchange, failure, "application/json", failure == 429
                        ? "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429}}"
                        : "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}");
                return;
            }
        }
        requests.add(request);
        if (path.startsWith("/bot") || path.startsWith("/file/bot")) {
            telegram(exchange, request);
        } else {
            graph(exchange, request);
        }
    }

    private void graph(HttpExchange exchange, Request request) throws IOException {
        if (!("Bearer " + ACCESS_TOKEN).equals(request.header("Authorization"))) {
            answer(exchange, 401, "application/json", "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"code\":190}}");
            return;
        }
        String path = request.path();
        if (request.method().equals("POST") && path.endsWith("/" + PHONE_NUMBER_ID + "/messages")) {
            String to = request.json().path("to").asString("");
            answer(exchange, 200, "application/json", "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                    + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.TEST" + ids.incrementAndGet() + "\"}]}");
        } else if (path.startsWith("/media-bytes/")) {
            String id = path.substring("/media-bytes/".length());
            byte[] content = media.get(id);
            if (content == null) {
                answer(exchange, 404, "application/json", "{}");
            } else {
                answer(exchange, 200, mediaTypes.get(id), content);
            }
        } else if (request.method().equals("GET") && path.matches("/v[0-9.]+/\\w+")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            byte[] content = media.get(id);
            if (content == null) {
                answer(exchange, 404, "application/json", "{\"error\":{\"message\":\"Unsupported get request.\",\"code\":100}}");
            } else {
                answer(exchange, 200, "application/json", "{\"messaging_product\":\"whatsapp\",\"url\":\"" + base()
                        + "/media-bytes/" + id + "\",\"mime_type\":\"" + mediaTypes.get(id) + "\",\"sha256\":\"x\",\"file_size\":"
                        + content.length + ",\"id\":\"" + id + "\"}");
            }
        } else {
            answer(exchange, 404, "application/json", "{}");
        }
    }

    private void telegram(HttpExchange exchange, Request request) throws IOException {
        String path = request.path();
        if (!path.startsWith("/bot" + BOT_TOKEN + "/") && !path.startsWith("/file/bot" + BOT_TOKEN + "/")) {
            answer(exchange, 401, "application/json", "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        } else if (path.endsWith("/sendMessage") || path.endsWith("/sendDocument")) {
            answer(exchange, 200, "application/json", "{\"ok\":true,\"result\":{\"message_id\":" + ids.incrementAndGet()
                    + ",\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}}");
        } else if (path.endsWith("/getFile")) {
            String id = request.query().replaceFirst("^file_id=", "");
            byte[] content = media.get(id);
            answer(exchange, 200, "application/json", content == null
                    ? "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}"
                    : "{\"ok\":true,\"result\":{\"file_id\":\"" + id + "\",\"file_unique_id\":\"u" + id + "\",\"file_size\":"
                            + content.length + ",\"file_path\":\"documents/" + id + "\"}}");
        } else if (path.startsWith("/file/bot" + BOT_TOKEN + "/documents/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            byte[] content = media.get(id);
            answer(exchange, content == null ? 404 : 200, "application/octet-stream", content == null ? new byte[0] : content);
        } else {
            answer(exchange, 404, "application/json", "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        answer(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
