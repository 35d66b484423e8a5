package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.WalletDeskTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile clients at the socket level: bodies trickling in a byte at a time (they used to hold one worker thread
 * each, so 200 of them left other clients with no answer at all) and bodies far above any sensible size (32
 * parallel 12 MB bodies ran the server out of memory).
 */
@WalletDeskTest
class SlowBodyTest {

    private static final int ATTACKERS = 200;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Opens slow senders: a JSON request declaring 1000 bytes, then one byte every two seconds. */
    private List<Socket> slowSenders(IntFunction<String> address, ScheduledExecutorService trickle) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++) {
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout(50);
            socket.getOutputStream().write(("POST /api/v1/chat/visitors HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\nX-Forwarded-For: " + address.apply(i)
                    + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            sockets.add(socket);
        }
        trickle.scheduleAtFixedRate(() -> {
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                } catch (IOException closedByServer) {
                    // answered and closed: nothing more to send
                }
            }
        }, 2, 2, TimeUnit.SECONDS);
        return sockets;
    }

    /** Six ordinary requests from ordinary clients, each of which must answer within two seconds. */
    private List<Long> ordinaryClientsAnswer(String body) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpRequest request = i % 3 == 2 && body != null
                    ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chat/visitors"))
                            .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (10 + i))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(5)).build()
                    : HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + (i % 3 == 0 ? "/api/v1/chat/availability" : "/status")))
                            .header("X-Forwarded-For", "198.51.100." + (10 + i)).timeout(Duration.ofSeconds(5)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(response.statusCode()).as(request.uri() + " " + response.body()).isLessThan(300);
            Thread.sleep(500);
        }
        return millis;
    }

    /** How many slow senders have already been told no (a 503 or 408 status line) or were closed. */
    private static int answered(List<Socket> sockets) {
        int answered = 0;
        for (Socket socket : sockets) {
            try {
                byte[] line = new byte[12];
                int n = socket.getInputStream().read(line);
                String status = n > 0 ? new String(line, 0, n, StandardCharsets.US_ASCII) : "";
                if (n < 0 || status.startsWith("HTTP/1.1 503") || status.startsWith("HTTP/1.1 408")) {
                    answered++;
                }
            } catch (SocketTimeoutException stillWaiting) {
                // the server is still reading this one (it holds a permit)
            } catch (IOException reset) {
                answered++;
            }
        }
        return answered;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Test
    void slowBodiesFromOneAddressLeaveEveryoneElseAnswered() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Socket> attackers = slowSenders(i -> "203.0.113.77", trickle);
        try {
            Thread.sleep(1000);
            List<Long> millis = ordinaryClientsAnswer("{\"name\":\"Rina\"}");
            assertThat(millis).as("answer times in ms").allSatisfy(ms -> assertThat(ms).isLessThan(3000));
            assertThat(answered(attackers)).as("slow senders refused at once").isGreaterThanOrEqualTo(ATTACKERS - 16);
        } finally {
            trickle.shutdownNow();
            closeAll(attackers);
        }
    }

    @Test
    void slowBodiesFromManyAddressesLeavePagesAndReadsAnswered() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Socket> attackers = slowSenders(i -> "203.0." + (100 + i / 250) + "." + (i % 250 + 1), trickle);
        try {
            Thread.sleep(1000);
            List<Long> millis = ordinaryClientsAnswer(null);
            assertThat(millis).as("answer times in ms").allSatisfy(ms -> assertThat(ms).isLessThan(3000));
            assertThat(answered(attackers)).as("slow senders beyond the body-read permits refused at once")
                    .isGreaterThanOrEqualTo(ATTACKERS / 2);
        } finally {
            trickle.shutdownNow();
            closeAll(attackers);
        }
    }

    @Test
    void anOversizedJsonBodyIsRefusedAtOnceWithoutReadingIt() throws Exception {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int n = i;
            answers.add(CompletableFuture.supplyAsync(() -> {
                try (Socket socket = new Socket("localhost", port)) {
                    socket.setSoTimeout(3000);
                    long start = System.nanoTime();
                    socket.getOutputStream().write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + 12 * 1024 * 1024
                            + "\r\nX-Forwarded-For: 198.51.100." + (100 + n) + "\r\n\r\n{\"grantType\":\"password\",\"password\":\"")
                            .getBytes(StandardCharsets.US_ASCII));
                    String response = readResponse(socket.getInputStream());
                    return (System.nanoTime() - start) / 1_000_000 + "|" + response;
                } catch (IOException e) {
                    return "-1|failed: " + e;
                }
            }));
        }
        for (CompletableFuture<String> answer : answers) {
            String[] timed = answer.get(10, TimeUnit.SECONDS).split("\\|", 2);
            assertThat(timed[1]).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("/problems/request-too-large");
            assertThat(Long.parseLong(timed[0])).as("ms until refused").isBetween(0L, 2000L);
        }
    }

    @Test
    void aChunkedJsonBodyIsCutOffOnceItPassesTheLimit() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/chat/visitors HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nX-Forwarded-For: 198.51.100.200\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                try {
                    for (int i = 0; i < 12 * 16; i++) { // 12 MB in 64 KB chunks
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException closedByServer) {
                    // expected once the server has refused the body
                }
            });
            String response = readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413").contains("/problems/request-too-large");
            sending.get(10, TimeUnit.SECONDS);
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                response.write(buffer, 0, n);
                String text = response.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                    break;
                }
            }
        } catch (IOException resetAfterAnswer) {
            if (response.size() == 0) {
                throw resetAfterAnswer;
            }
        }
        return response.toString(StandardCharsets.UTF_8);
    }
}
