package io.walletdesk.security;

import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.support.Teams;
import io.walletdesk.testing.ExpectContinue;
import io.walletdesk.testing.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cast of the security tests, signed in as the app signs people in: a page session (cookie + CSRF token from
 * a rendered form), an API bearer token and a chat token for each role; plus real resources of customer A
 * (a conversation routed to team X with a message and an attachment, a transaction, a complaint, a notification)
 * whose ids fill the routes' path variables. Markers are texts only A's resources contain: a denied caller must
 * never see one.
 */
final class Actors {

    enum Who { ANONYMOUS, CUSTOMER_A, CUSTOMER_B, AGENT, AGENT_OTHER_TEAM, SUPERVISOR, ADMIN }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAFF_PASSWORD = "meja-bantuan-pagi-77";
    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    final String base;
    final Map<Who, Caller> callers = new EnumMap<>(Who.class);
    final List<String> markers = new ArrayList<>();
    /** Values for path variables, by variable name; see {@link #fill}. */
    final Map<String, String> ids = new java.util.LinkedHashMap<>();
    long customerA;
    long customerB;
    long customerC;
    long conversationA;
    long attachmentSeq;
    long teamX;
    long teamY;

    Actors(int port) {
        this.base = "http://localhost:" + port;
    }

    /** One role: its cookies, CSRF token, bearer token, chat token and client address. */
    final class Caller {
        final Who who;
        final String ip = TestData.clientIp();
        final HttpClient pages = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        final HttpClient api = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String csrf;
        String bearer;
        String chatToken;
        long userId;

        Caller(Who who) {
            this.who = who;
        }

        boolean isApi(String path) {
            return path.startsWith("/api/");
        }

        /** Sends a request as this role; pages with the session cookie and the CSRF token, the API with tokens. */
        Reply send(String method, String path, String contentType, byte[] body) {
            boolean api = isApi(path);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Forwarded-For", ip);
            headers.put("Accept-Language", "en");
            headers.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36 " + who);
            headers.put("Accept", api ? "*/*" : "text/html,application/xhtml+xml,*/*;q=0.8");
            if (api && bearer != null) {
                headers.put("Authorization", "Bearer " + bearer);
            }
            if (api && chatToken != null && path.startsWith("/api/v1/chat/")) {
                headers.put("X-Chat-Token", chatToken);
            }
            if (!api && csrf != null && !method.equals("GET")) {
                headers.put("X-XSRF-TOKEN", csrf);
            }
            if (api && !method.equals("GET") && path.startsWith("/api/v1/wallet/")) {
                headers.put("Idempotency-Key", UUID.randomUUID().toString()); // money endpoints require one
            }
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            try {
                if (body != null && body.length > 1024 * 1024) {
                    return sendExpectingContinue(api, method, path, headers, body);
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30));
                headers.forEach(request::header);
                request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
                HttpResponse<byte[]> response = (api ? this.api : pages).send(request.build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Location").orElse(""));
            } catch (Exception e) {
                return new Reply(-1, e.toString(), "", "");
            }
        }

        /** Large bodies go as curl sends them, so a refusal from the headers is read before the body travels. */
        private Reply sendExpectingContinue(boolean api, String method, String path, Map<String, String> headers,
                byte[] body) throws Exception {
            if (!api) {
                URI uri = URI.create(base + path);
                List<String> cookies = pages.cookieHandler().orElseThrow().get(uri, Map.of()).getOrDefault("Cookie", List.of());
                if (!cookies.isEmpty()) {
                    headers.put("Cookie", String.join("; ", cookies));
                }
            }
            int port = URI.create(base).getPort();
            ExpectContinue.Answer answer = ExpectContinue.send(port, method, path, headers, body);
            return new Reply(answer.status(), answer.text(), answer.contentType(),
                    answer.headers().getOrDefault("location", ""));
        }

        Reply get(String path) {
            return send("GET", path, null, null);
        }

        Reply postForm(String path, String form) {
            return send("POST", path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        }

        Reply postJson(String path, Object body) {
            return send("POST", path, "application/json", JSON.writeValueAsBytes(body));
        }

        /** A masked CSRF token from a rendered form, valid for this role's cookie. */
        void refreshCsrf() {
            Reply page = get("/diagnose");
            Matcher m = CSRF.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException(who + ": no CSRF token on /diagnose: " + page.status());
            }
            csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }

        void signIn(String identifier, String password) {
            refreshCsrf();
            Reply login = postForm("/login", "identifier=" + enc(identifier) + "&password=" + enc(password));
            if (login.status() != 302 || login.location().contains("/login")) {
                throw new IllegalStateException(who + ": page sign-in failed: " + login.status() + " " + login.location()
                        + " " + login.body().replaceAll("\\s+", " ").substring(0, Math.min(600, login.body().length())));
            }
            refreshCsrf();
            Reply token = postJson("/api/v1/auth/token", Map.of("grantType", "password", "identifier", identifier,
                    "password", password));
            if (token.status() != 200) {
                throw new IllegalStateException(who + ": API sign-in failed: " + token.status() + " " + token.body());
            }
            bearer = token.json().get("accessToken").asString();
            Reply chat = get("/chat/token");
            if (chat.status() != 200) {
                throw new IllegalStateException(who + ": no chat token: " + chat.status() + " " + chat.body());
            }
            chatToken = chat.json().get("token").asString();
        }
    }

    /** One HTTP answer. */
    record Reply(int status, String body, String contentType, String location) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean is5xx() {
            return status >= 500 || status < 0;
        }
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** Creates every role and A's resources. */
    Actors create(Registration registration, Teams teams, Conversations conversations, Attachments attachments,
            Complaints complaints) {
        for (Who who : Who.values()) {
            callers.put(who, new Caller(who));
        }
        callers.get(Who.ANONYMOUS).refreshCsrf();

        String nameA = "Anita Q" + letters(9);
        markers.add(nameA.substring(6));
        String phoneA = TestData.phone();
        customerA = registration.register(new Registration.RegisterCustomer(phoneA, TestData.email(), nameA, "en",
                TestData.PASSWORD), ClientInfo.system());
        String phoneB = TestData.phone();
        customerB = registration.register(new Registration.RegisterCustomer(phoneB, TestData.email(), "Budi Santoso",
                "en", TestData.PASSWORD), ClientInfo.system());
        customerC = registration.register(new Registration.RegisterCustomer(TestData.phone(), null, "Citra Lestari",
                "en", TestData.PASSWORD), ClientInfo.system());
        caller(Who.CUSTOMER_A).signIn(phoneA, TestData.PASSWORD);
        caller(Who.CUSTOMER_A).userId = customerA;
        caller(Who.CUSTOMER_B).signIn(phoneB, TestData.PASSWORD);
        caller(Who.CUSTOMER_B).userId = customerB;

        teamX = teams.all().stream().filter(t -> t.name().equals("Wallet support")).findFirst().orElseThrow().id();
        teamY = teams.all().stream().filter(t -> t.name().equals("Fraud and security")).findFirst().orElseThrow().id();
        Map<Who, Role> staffRoles = Map.of(Who.AGENT, Role.AGENT, Who.AGENT_OTHER_TEAM, Role.AGENT,
                Who.SUPERVISOR, Role.SUPERVISOR, Who.ADMIN, Role.ADMIN);
        for (Who who : List.of(Who.AGENT, Who.AGENT_OTHER_TEAM, Who.SUPERVISOR, Who.ADMIN)) {
            String email = TestData.email();
            long id = registration.createStaff(staffRoles.get(who), email, "Staf " + who.name().toLowerCase()
                    .replace('_', ' '), STAFF_PASSWORD, null, ClientInfo.system());
            caller(who).userId = id;
            if (who == Who.AGENT) {
                teams.addMember(teamX, id);
            } else if (who == Who.AGENT_OTHER_TEAM) {
                teams.addMember(teamY, id);
            }
            caller(who).signIn(email, STAFF_PASSWORD);
        }

        // A's conversation, routed to team X, with a marked message and an attachment.
        Participant.Customer a = new Participant.Customer(customerA, nameA);
        ConversationView chat = conversations.openNew(new StartConversation(a, Channel.CHAT, null, nameA, null, null, "en"));
        conversationA = chat.id();
        String messageMarker = "rahasia" + letters(12);
        markers.add(messageMarker);
        conversations.post(new PostMessage(chat.id(), a, null, "My secret note " + messageMarker, Channel.CHAT, false,
                null, null));
        attachmentSeq = attachments.attach(chat.id(), a, UUID.randomUUID().toString(), "bukti.png", png(), Channel.CHAT,
                ClientInfo.system()).seq();
        conversations.assignTeam(chat.id(), new Participant.Staff(caller(Who.SUPERVISOR).userId, "Staf supervisor"), teamX);

        String complaintMarker = "keluhan" + letters(12);
        markers.add(complaintMarker);
        ComplaintView complaint = complaints.file(new Complaints.FileComplaint(customerA, null, "en", "PAYMENT",
                "The payment failed but my balance went down " + complaintMarker, chat.id()));

        Reply topUp = caller(Who.CUSTOMER_A).send("POST", "/api/v1/wallet/top-ups", "application/json",
                JSON.writeValueAsBytes(Map.of("bankCode", "BCA", "bankAccount", "1234567890", "amount", 50000)));
        String transaction = topUp.status() / 100 == 2 ? topUp.json().get("id").asString() : "999999";
        if (topUp.status() / 100 != 2) {
            System.out.println("[actors] top-up for A failed: " + topUp.status() + " " + topUp.body());
        }
        Reply notes = caller(Who.CUSTOMER_A).get("/api/v1/me/notifications");
        String notification = "999999";
        if (notes.status() == 200 && notes.json().isArray() && !notes.json().isEmpty()) {
            notification = notes.json().get(0).get("id").asString();
        }

        ids.put("conversation", String.valueOf(conversationA));
        ids.put("seq", String.valueOf(attachmentSeq));
        ids.put("transaction", transaction);
        ids.put("complaintId", String.valueOf(complaint.id()));
        ids.put("complaintReference", complaint.reference());
        ids.put("notification", notification);
        ids.put("customerA", String.valueOf(customerA));
        ids.put("customerC", String.valueOf(customerC));
        ids.put("teamX", String.valueOf(teamX));
        return this;
    }

    Caller caller(Who who) {
        return callers.get(who);
    }

    /** A real 1x1 PNG: attachments are checked by content. */
    private byte[] png() {
        try {
            BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any marker of A's found in a body, or null. */
    String leakedMarker(String body) {
        return markers.stream().filter(body::contains).findFirst().orElse(null);
    }
}
