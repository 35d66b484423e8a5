package io.walletdesk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a request body may cost before anything else sees it. On Java 17 every body read holds a worker
 * thread, so a client trickling a body one byte at a time used to take a thread each, and 200 of them took the
 * server. Here:
 * <ul>
 *   <li>a declared length above the limit is refused with 413 at once, without reading;</li>
 *   <li>bodies are read only with a permit: at most {@code maxBodyReadsPerAddress} at a time per client address
 *       and {@code maxConcurrentBodyReads} in all (below the thread count, so pages and GETs always have threads);
 *       without a free permit the answer is 503 with Retry-After, at once, never a wait;</li>
 *   <li>JSON and other bodies are read whole into memory (at most the limit) within {@code bodyReadTimeout}, else
 *       408; forms and multipart are parsed here by the container under the same permit;</li>
 *   <li>U+0000 in any parameter, part name or file name is refused with 400 naming the field.</li>
 * </ul>
 * The controllers then see a body that has fully arrived.
 */
final class RequestBodyGuard extends OncePerRequestFilter {

    private final EdgeSettings settings;
    private final long maxUpload;
    private final long maxUploadFileMegabytes;
    private final Permits permits;

    RequestBodyGuard(EdgeSettings settings, long maxUpload, long maxUploadFileMegabytes) {
        this.settings = settings;
        this.maxUpload = maxUpload;
        this.maxUploadFileMegabytes = maxUploadFileMegabytes;
        this.permits = new Permits(settings.maxConcurrentBodyReads(), settings.maxBodyReadsPerAddress());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request)) {
            String nul = nulParameter(request);
            if (nul != null) {
                reject(request, response, WebFailure.of("invalid-characters", HttpStatus.BAD_REQUEST, nul));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        boolean multipart = isType(request, "multipart/");
        boolean form = isType(request, "application/x-www-form-urlencoded");
        long limit = multipart ? maxUpload : settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            reject(request, response, tooLarge(multipart, limit));
            return;
        }
        String address = request.getRemoteAddr();
        if (!permits.tryAcquire(address)) {
            reject(request, response, busy());
            return;
        }
        HttpServletRequest checked = request;
        try {
            WebFailure failure;
            if (multipart) {
                failure = parseMultipart(request);
            } else if (form) {
                failure = parseForm(request);
            } else {
                BodyRead read = readWhole(request, limit);
                failure = read.failure();
                checked = read.request();
            }
            if (failure == null) {
                String nul = nulParameter(request);
                failure = nul == null ? null : WebFailure.of("invalid-characters", HttpStatus.BAD_REQUEST, nul);
            }
            if (failure != null) {
                reject(request, response, failure);
                return;
            }
        } finally {
            permits.release(address);
        }
        chain.doFilter(checked, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean isType(HttpServletRequest request, String prefix) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private WebFailure tooLarge(boolean multipart, long limit) {
        return multipart
                ? new WebFailure("attachment-too-large", HttpStatus.PAYLOAD_TOO_LARGE, null,
                        new Object[] {maxUploadFileMegabytes}, null)
                : new WebFailure("request-too-large", HttpStatus.PAYLOAD_TOO_LARGE, null,
                        new Object[] {Math.max(1, limit / 1024)}, null);
    }

    private static WebFailure busy() {
        return new WebFailure("service-busy", HttpStatus.SERVICE_UNAVAILABLE, null, new Object[0],
                WebFailure.BUSY_RETRY_SECONDS);
    }

    /** The container parses the parts now, while the permit is held; names and file names must be clean. */
    private static WebFailure parseMultipart(HttpServletRequest request) {
        try {
            for (Part part : request.getParts()) {
                if (NulGuard.contains(part.getName()) || !cleanFileName(part)) {
                    return WebFailure.of("invalid-characters", HttpStatus.BAD_REQUEST, NulGuard.printable(part.getName()));
                }
            }
            return null;
        } catch (InvalidFileNameException nul) {
            return WebFailure.of("invalid-characters", HttpStatus.BAD_REQUEST, "file");
        } catch (IllegalStateException tooLarge) {
            // Above the upload limits: the multipart resolver raises it again and the handlers answer 413.
            return null;
        } catch (IOException | ServletException malformed) {
            return timedOut(malformed) ? WebFailure.of("request-timeout", HttpStatus.REQUEST_TIMEOUT)
                    : WebFailure.of("malformed-upload", HttpStatus.BAD_REQUEST);
        }
    }

    private static boolean cleanFileName(Part part) {
        try {
            return !NulGuard.contains(part.getSubmittedFileName());
        } catch (InvalidFileNameException nul) {
            return false;
        }
    }

    private static WebFailure parseForm(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return null;
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            return WebFailure.of("malformed-request", HttpStatus.BAD_REQUEST);
        }
    }

    private record BodyRead(HttpServletRequest request, WebFailure failure) {
    }

    private BodyRead readWhole(HttpServletRequest request, long limit) {
        long deadline = System.nanoTime() + settings.bodyReadTimeout().toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(request.getContentLengthLong(), 0),
                8192));
        byte[] buffer = new byte[8192];
        try {
            InputStream in = request.getInputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                body.write(buffer, 0, n);
                if (body.size() > limit) {
                    return new BodyRead(request, tooLarge(false, limit));
                }
                if (System.nanoTime() > deadline) {
                    return new BodyRead(request, WebFailure.of("request-timeout", HttpStatus.REQUEST_TIMEOUT));
                }
            }
        } catch (IOException unreadable) {
            return new BodyRead(request, timedOut(unreadable) ? WebFailure.of("request-timeout", HttpStatus.REQUEST_TIMEOUT)
                    : WebFailure.of("malformed-request", HttpStatus.BAD_REQUEST));
        }
        return new BodyRead(new BufferedBody(request, body.toByteArray()), null);
    }

    private static boolean timedOut(Throwable failure) {
        return WebFailure.cause(failure, SocketTimeoutException.class) != null;
    }

    private static String nulParameter(HttpServletRequest request) {
        try {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (NulGuard.contains(parameter.getKey())) {
                    return NulGuard.printable(parameter.getKey());
                }
                for (String value : parameter.getValue()) {
                    if (NulGuard.contains(value)) {
                        return parameter.getKey();
                    }
                }
            }
            return null;
        } catch (IllegalStateException | IllegalArgumentException unparsable) {
            return null; // left to the container and MVC, which answer 400 for unreadable parameters
        }
    }

    /** Answers through the error page, which speaks problem+json on the API and the visitor's language on pages. */
    private static void reject(HttpServletRequest request, HttpServletResponse response, WebFailure failure)
            throws IOException {
        request.setAttribute(ErrorPages.FAILURE_ATTRIBUTE, failure);
        if (failure.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()));
        }
        // The rest of an unread body is not worth a thread: close the connection instead of draining it.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.sendError(failure.status().value());
    }

    /** Body-read permits: per client address and in all. */
    static final class Permits {

        private final Semaphore total;
        private final int perAddress;
        private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

        Permits(int total, int perAddress) {
            this.total = new Semaphore(total);
            this.perAddress = perAddress;
        }

        boolean tryAcquire(String address) {
            boolean[] granted = {false};
            byAddress.compute(address, (key, count) -> {
                int current = count == null ? 0 : count;
                if (current >= perAddress) {
                    return count;
                }
                granted[0] = true;
                return current + 1;
            });
            if (!granted[0]) {
                return false;
            }
            if (!total.tryAcquire()) {
                decrement(address);
                return false;
            }
            return true;
        }

        void release(String address) {
            total.release();
            decrement(address);
        }

        private void decrement(String address) {
            byAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** The request with its body already in memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has already been read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
