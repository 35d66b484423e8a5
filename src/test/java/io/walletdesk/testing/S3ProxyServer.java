package io.walletdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 API server for tests: S3Proxy (Maven Central, copied to {@code target/s3proxy/s3proxy.jar} by the
 * build) run as its own process on a free port with a file-system backend, so the S3 blob store is tested
 * against the protocol's signatures, errors and headers, not against a mock of the SDK.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "walletdesk-test";
    public static final String SECRET_KEY = "walletdesk-test-secret";

    private final Process process;
    private final Path dataDir;
    private final int port;

    private S3ProxyServer(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a server and creates the named buckets (folders of the file-system backend). */
    public static S3ProxyServer start(String... buckets) {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build's process-test-resources phase");
        }
        try {
            Path dir = Files.createTempDirectory("s3proxy");
            Path data = Files.createDirectories(dir.resolve("data"));
            for (String bucket : buckets) {
                Files.createDirectories(data.resolve(bucket));
            }
            int port = freePort();
            Path conf = dir.resolve("s3proxy.conf");
            Files.writeString(conf, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data) + "\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toString(), "--properties", conf.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
            S3ProxyServer server = new S3ProxyServer(process, dir, port);
            server.awaitPort(dir.resolve("s3proxy.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server (as a crash would: at once) and removes its data. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private void awaitPort(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen within 60 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
