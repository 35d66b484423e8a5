package io.walletdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.disputes.Complaints;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.security.Actors.Caller;
import io.walletdesk.security.Actors.Reply;
import io.walletdesk.security.Actors.Who;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Teams;
import io.walletdesk.testing.WalletDeskTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every mapped route (read from Spring MVC's handler mappings, so a new route is covered the day it is added)
 * x every role, against the expected access in ONE table ({@link #TABLE}). A route missing from the table fails
 * the test. Denied roles must get 401/403/404 (or a redirect to sign-in) and never A's content; allowed roles
 * must get neither 401/403 nor a 5xx. Requests carry no payload: the question is who gets past the door.
 */
@WalletDeskTest
class RouteAuthorisationTest {

    /** Who may pass. Customer A owns the resources in the path; the conversation is routed to the agent's team X. */
    enum Access {
        /** Everyone, anonymous included. */
        PUBLIC(EnumSet.allOf(Who.class)),
        /** Any signed-in user, customer or staff. */
        SIGNED_IN(EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS))),
        CUSTOMER(EnumSet.of(Who.CUSTOMER_A, Who.CUSTOMER_B)),
        /** Only customer A, whose resource it is. */
        OWNER(EnumSet.of(Who.CUSTOMER_A)),
        /** Customer A and the staff who see the conversation: team X's agent, supervisors, admins. */
        OWNER_OR_TEAM(EnumSet.of(Who.CUSTOMER_A, Who.AGENT, Who.SUPERVISOR, Who.ADMIN)),
        AGENT(EnumSet.of(Who.AGENT, Who.AGENT_OTHER_TEAM, Who.SUPERVISOR, Who.ADMIN)),
        /** Staff who see the team-X conversation: not the agent of another team. */
        TEAM(EnumSet.of(Who.AGENT, Who.SUPERVISOR, Who.ADMIN)),
        SUPERVISOR(EnumSet.of(Who.SUPERVISOR, Who.ADMIN)),
        ADMIN(EnumSet.of(Who.ADMIN)),
        /** Nobody without a credential of its own (the bank's signature): every role here is refused. */
        SIGNATURE(EnumSet.noneOf(Who.class));

        final Set<Who> allowed;

        Access(Set<Who> allowed) {
            this.allowed = allowed;
        }
    }

    /**
     * THE table: "METHOD pattern ACCESS", one route a line, patterns exactly as mapped. Static resources and the
     * WebSocket endpoint are not in the request mappings and are listed at the end by hand.
     */
    static final String TABLE = """
            GET /error PUBLIC
            POST /error PUBLIC
            GET / PUBLIC
            GET /login PUBLIC
            POST /login PUBLIC
            GET /login/2fa PUBLIC
            POST /login/2fa PUBLIC
            GET /login/reset PUBLIC
            POST /login/reset PUBLIC
            GET /login/reset/code PUBLIC
            POST /login/reset/code PUBLIC
            GET /register PUBLIC
            POST /register PUBLIC
            POST /language PUBLIC
            GET /problems/{code} PUBLIC
            GET /diagnose PUBLIC
            POST /diagnose PUBLIC
            GET /diagnose/ping PUBLIC
            GET /diagnose/poll PUBLIC
            POST /diagnose/reports PUBLIC
            GET /help PUBLIC
            GET /help/search PUBLIC
            GET /help/{slug} PUBLIC
            POST /help/{slug}/vote PUBLIC
            GET /community PUBLIC
            GET /community/search PUBLIC
            GET /community/topics/{id} PUBLIC
            GET /community/deflect/{slug} PUBLIC
            GET /community/new SIGNED_IN
            POST /community/topics SIGNED_IN
            POST /community/topics/{id}/replies SIGNED_IN
            POST /community/topics/{id}/accept SIGNED_IN
            POST /community/topics/{id}/private SIGNED_IN
            POST /community/posts/{id}/vote SIGNED_IN
            POST /community/topics/{id}/follow SIGNED_IN
            GET /community/unsubscribe PUBLIC
            POST /community/unsubscribe PUBLIC
            POST /community/posts/{id}/report SIGNED_IN
            GET /staff/community AGENT
            GET /staff/community/reports AGENT
            POST /staff/community/posts/{id}/approve AGENT
            POST /staff/community/posts/{id}/hide AGENT
            POST /staff/community/posts/{id}/dismiss AGENT
            POST /staff/community/topics/{id}/lock AGENT
            POST /staff/community/topics/{id}/move AGENT
            POST /staff/community/topics/{id}/merge AGENT
            GET /status PUBLIC
            GET /status/ PUBLIC
            GET /status/history.atom PUBLIC
            GET /history.atom PUBLIC
            GET /status/incidents/{id} PUBLIC
            POST /status/subscribe PUBLIC
            GET /status/subscriptions/confirm PUBLIC
            POST /status/subscriptions/confirm PUBLIC
            GET /status/subscriptions/unsubscribe PUBLIC
            POST /status/subscriptions/unsubscribe PUBLIC
            GET /support PUBLIC
            GET /support/message PUBLIC
            POST /support/message PUBLIC
            GET /support/callback PUBLIC
            POST /support/callback PUBLIC
            GET /support/continue/{token} PUBLIC
            GET /support/survey/{token} PUBLIC
            POST /support/survey/{token} PUBLIC
            GET /support/verify PUBLIC
            GET /verify PUBLIC
            POST /support/verify/report PUBLIC
            POST /verify/report PUBLIC
            GET /chat/token PUBLIC
            GET /support/complaints CUSTOMER
            POST /support/complaints CUSTOMER
            GET /support/complaints/{reference} OWNER
            GET /support/complaints/{reference}/file OWNER
            POST /support/complaints/{reference}/respond OWNER
            GET /support/conversations/{id} OWNER_OR_TEAM
            GET /support/conversations/{id}/bundle OWNER_OR_TEAM
            GET /support/conversations/{id}/transcript OWNER_OR_TEAM
            GET /support/conversations/{id}/messages/{seq}/attachment OWNER
            POST /support/conversations/{id}/messages OWNER
            POST /support/conversations/{id}/report OWNER
            GET /account SIGNED_IN
            POST /account SIGNED_IN
            GET /account/status SIGNED_IN
            GET /account/security SIGNED_IN
            GET /account/security/2fa SIGNED_IN
            POST /account/security/2fa/enable SIGNED_IN
            POST /account/security/2fa/disable SIGNED_IN
            GET /account/password SIGNED_IN
            POST /account/password SIGNED_IN
            GET /account/contact SIGNED_IN
            POST /account/contact SIGNED_IN
            POST /account/contact/{changeId}/confirm SIGNED_IN
            GET /account/anti-phishing SIGNED_IN
            POST /account/anti-phishing SIGNED_IN
            GET /notifications SIGNED_IN
            POST /notifications/{id}/read OWNER
            GET /wallet CUSTOMER
            GET /wallet/pay CUSTOMER
            POST /wallet/pay CUSTOMER
            POST /wallet/pay/confirm CUSTOMER
            GET /wallet/send CUSTOMER
            POST /wallet/send CUSTOMER
            POST /wallet/send/confirm CUSTOMER
            GET /wallet/pin CUSTOMER
            POST /wallet/pin CUSTOMER
            GET /wallet/top-up CUSTOMER
            POST /wallet/top-up CUSTOMER
            GET /wallet/transactions CUSTOMER
            GET /wallet/transactions.csv CUSTOMER
            GET /wallet/transactions/{id} OWNER
            GET /wallet/verify CUSTOMER
            POST /wallet/verify CUSTOMER
            GET /staff AGENT
            GET /staff/users AGENT
            GET /staff/users/{id} AGENT
            POST /staff/users/{id}/lock AGENT
            POST /staff/users/{id}/unlock SUPERVISOR
            GET /staff/audit SUPERVISOR
            GET /staff/team ADMIN
            POST /staff/team ADMIN
            GET /staff/teams ADMIN
            POST /staff/teams/{teamId}/members ADMIN
            POST /staff/teams/{teamId}/members/{userId}/remove ADMIN
            POST /staff/presence AGENT
            GET /staff/inbox AGENT
            GET /staff/conversations/{id} TEAM
            GET /staff/messaging/conversations/{id} TEAM
            POST /staff/messaging/conversations/{id}/template TEAM
            GET /staff/workspace AGENT
            POST /staff/workspace/bulk AGENT
            GET /staff/workspace/conversations/{id} TEAM
            GET /staff/workspace/conversations/{id}/row TEAM
            GET /staff/workspace/conversations/{id}/canned TEAM
            GET /staff/workspace/conversations/{id}/messages TEAM
            POST /staff/workspace/conversations/{id}/properties TEAM
            POST /staff/workspace/conversations/{id}/reply TEAM
            POST /staff/workspace/conversations/{id}/transactions/{transactionId}/link TEAM
            GET /staff/conversations/{id}/verify TEAM
            GET /staff/conversations/{id}/messages/{seq}/attachment TEAM
            POST /staff/conversations/{id}/reply TEAM
            POST /staff/conversations/{id}/merge TEAM
            POST /staff/conversations/{id}/assign TEAM
            POST /staff/conversations/{id}/team TEAM
            POST /staff/conversations/{id}/status TEAM
            POST /staff/conversations/{id}/priority TEAM
            POST /staff/conversations/{conversationId}/complaint TEAM
            GET /staff/complaints AGENT
            GET /staff/complaints/{id} AGENT
            POST /staff/complaints/{id}/{action} AGENT
            GET /staff/callbacks AGENT
            POST /staff/callbacks/{id}/log AGENT
            GET /staff/satisfaction SUPERVISOR
            GET /staff/diagnostics AGENT
            GET /staff/reports AGENT
            POST /staff/reports/{id}/review AGENT
            GET /staff/official-channels ADMIN
            POST /staff/official-channels ADMIN
            POST /staff/official-channels/{id}/remove ADMIN
            GET /staff/app-versions ADMIN
            POST /staff/app-versions/{platform} ADMIN
            GET /staff/assistant AGENT
            POST /staff/assistant/turns/{id}/intent AGENT
            POST /staff/assistant/switch SUPERVISOR
            POST /staff/assistant/rebuild SUPERVISOR
            GET /staff/help AGENT
            GET /staff/help/new AGENT
            POST /staff/help AGENT
            GET /staff/help/{id} AGENT
            POST /staff/help/{id} AGENT
            POST /staff/help/{id}/state SUPERVISOR
            POST /staff/help/{id}/restore SUPERVISOR
            GET /staff/reporting SUPERVISOR
            GET /staff/reporting.csv SUPERVISOR
            GET /staff/reporting/topics SUPERVISOR
            GET /staff/reporting/topics.csv SUPERVISOR
            GET /staff/reporting/complaints SUPERVISOR
            GET /staff/reporting/complaints.csv SUPERVISOR
            GET /staff/reporting/training AGENT
            GET /staff/reporting/training.csv AGENT
            GET /staff/status SUPERVISOR
            GET /staff/status/components SUPERVISOR
            POST /staff/status/components SUPERVISOR
            GET /staff/status/components/{code} SUPERVISOR
            POST /staff/status/components/{code} SUPERVISOR
            POST /staff/status/components/{code}/edit SUPERVISOR
            POST /staff/status/groups SUPERVISOR
            POST /staff/status/incidents SUPERVISOR
            GET /staff/status/incidents/{id} SUPERVISOR
            POST /staff/status/incidents/{id}/updates SUPERVISOR
            POST /staff/status/maintenances SUPERVISOR
            GET /staff/wallet/customers/{userId} AGENT
            POST /staff/wallet/transactions/{id}/reversal AGENT
            GET /staff/wallet/verifications AGENT
            POST /staff/wallet/verifications/{id} AGENT
            GET /staff/wallet/verifications/{id}/{which} AGENT
            POST /api/v1/auth/token PUBLIC
            POST /api/v1/auth/register PUBLIC
            POST /api/v1/auth/password-reset PUBLIC
            POST /api/v1/auth/password-reset/complete PUBLIC
            POST /api/v1/auth/revoke SIGNED_IN
            GET /api/v1/me SIGNED_IN
            PATCH /api/v1/me SIGNED_IN
            GET /api/v1/me/devices SIGNED_IN
            GET /api/v1/me/sign-ins SIGNED_IN
            GET /api/v1/me/notifications SIGNED_IN
            POST /api/v1/me/notifications/{id}/read OWNER
            POST /api/v1/me/2fa/setup SIGNED_IN
            POST /api/v1/me/2fa/enable SIGNED_IN
            POST /api/v1/me/2fa/disable SIGNED_IN
            POST /api/v1/me/password SIGNED_IN
            POST /api/v1/me/contact-changes SIGNED_IN
            POST /api/v1/me/contact-changes/{id}/confirm SIGNED_IN
            GET /api/v1/app-config PUBLIC
            GET /api/v1/public/app-config PUBLIC
            GET /api/v1/official-channels PUBLIC
            GET /api/v1/public/official-channels PUBLIC
            GET /api/v1/official-channels/check PUBLIC
            GET /api/v1/public/official-channels/check PUBLIC
            POST /api/v1/official-channels/reports PUBLIC
            POST /api/v1/public/official-channels/reports PUBLIC
            GET /api/v1/public/help/search PUBLIC
            GET /api/v1/public/help/articles/{slug} PUBLIC
            POST /api/v1/public/bank-callbacks/{bankCode} SIGNATURE
            GET /channels/whatsapp/webhook SIGNATURE
            POST /channels/whatsapp/webhook SIGNATURE
            POST /channels/telegram/webhook SIGNATURE
            GET /api/v1/community/topics PUBLIC
            GET /api/v1/community/topics/{id} PUBLIC
            POST /api/v1/community/topics SIGNED_IN
            POST /api/v1/community/topics/{id}/replies SIGNED_IN
            GET /api/v2/status.json PUBLIC
            GET /api/v2/summary.json PUBLIC
            GET /api/v2/components.json PUBLIC
            GET /api/v2/incidents.json PUBLIC
            GET /api/v2/incidents/unresolved.json PUBLIC
            GET /api/v2/scheduled-maintenances.json PUBLIC
            GET /api/v2/scheduled-maintenances/upcoming.json PUBLIC
            GET /api/v2/scheduled-maintenances/active.json PUBLIC
            GET /status/api/v2/status.json PUBLIC
            GET /status/api/v2/summary.json PUBLIC
            GET /status/api/v2/components.json PUBLIC
            GET /status/api/v2/incidents.json PUBLIC
            GET /status/api/v2/incidents/unresolved.json PUBLIC
            GET /status/api/v2/scheduled-maintenances.json PUBLIC
            GET /status/api/v2/scheduled-maintenances/upcoming.json PUBLIC
            GET /status/api/v2/scheduled-maintenances/active.json PUBLIC
            GET /api/v1/chat/availability PUBLIC
            GET /api/v1/chat/texts PUBLIC
            POST /api/v1/chat/visitors PUBLIC
            POST /api/v1/chat/adopt CUSTOMER
            GET /api/v1/chat/conversations SIGNED_IN
            POST /api/v1/chat/conversations CUSTOMER
            POST /api/v1/chat/leave-message SIGNED_IN
            POST /api/v1/chat/presence AGENT
            GET /api/v1/chat/conversations/{id} OWNER_OR_TEAM
            GET /api/v1/chat/conversations/{id}/messages OWNER_OR_TEAM
            POST /api/v1/chat/conversations/{id}/messages OWNER_OR_TEAM
            GET /api/v1/chat/conversations/{id}/transcript OWNER_OR_TEAM
            GET /api/v1/chat/conversations/{id}/messages/{seq}/attachment OWNER_OR_TEAM
            POST /api/v1/chat/conversations/{id}/attachments OWNER_OR_TEAM
            POST /api/v1/chat/conversations/{id}/read OWNER_OR_TEAM
            POST /api/v1/chat/conversations/{id}/typing OWNER_OR_TEAM
            GET /api/v1/wallet CUSTOMER
            GET /api/v1/wallet/banks CUSTOMER
            GET /api/v1/wallet/merchants/{code} CUSTOMER
            GET /api/v1/wallet/recipients CUSTOMER
            GET /api/v1/wallet/transactions CUSTOMER
            GET /api/v1/wallet/transactions.csv CUSTOMER
            GET /api/v1/wallet/transactions/{id} OWNER
            GET /api/v1/wallet/verification CUSTOMER
            POST /api/v1/wallet/verification CUSTOMER
            POST /api/v1/wallet/payments CUSTOMER
            POST /api/v1/wallet/pin CUSTOMER
            POST /api/v1/wallet/top-ups CUSTOMER
            POST /api/v1/wallet/transfers CUSTOMER
            GET /api/v1/staff/users AGENT
            GET /api/v1/staff/users/{id} AGENT
            GET /api/v1/staff/users/{id}/sign-ins AGENT
            POST /api/v1/staff/users/{id}/lock AGENT
            POST /api/v1/staff/users/{id}/unlock SUPERVISOR
            GET /api/v1/staff/audit SUPERVISOR
            GET /api/v1/staff/team ADMIN
            POST /api/v1/staff/team ADMIN
            GET /api/v1/staff/wallet/customers/{userId}/transactions AGENT
            POST /api/v1/staff/wallet/transactions/{id}/reversal AGENT
            GET /api/v1/staff/wallet/verifications AGENT
            POST /api/v1/staff/wallet/verifications/{id}/decision AGENT
            GET /v3/api-docs PUBLIC
            GET /v3/api-docs.yaml PUBLIC
            GET /v3/api-docs/swagger-config PUBLIC
            GET /swagger-ui.html PUBLIC
            GET /actuator ADMIN
            GET /actuator/health PUBLIC
            GET /actuator/health/** PUBLIC
            GET /actuator/info ADMIN
            GET /actuator/prometheus SIGNATURE
            GET /widget.js PUBLIC
            GET /css/app.css PUBLIC
            GET /css/status.css PUBLIC
            GET /css/widget.css PUBLIC
            GET /js/agent-chat.js PUBLIC
            GET /js/diagnose.js PUBLIC
            GET /js/community.js PUBLIC
            GET /js/workspace.js PUBLIC
            GET /img/icon.svg PUBLIC
            GET /chat/ws PUBLIC
            """;

    /** Routes not in the request mappings (static resources, the WebSocket handshake): listed by hand. */
    static final List<String> EXTRA = List.of("GET /widget.js", "GET /css/app.css", "GET /css/status.css",
            "GET /css/widget.css", "GET /js/agent-chat.js", "GET /js/diagnose.js", "GET /js/community.js",
            "GET /js/workspace.js", "GET /img/icon.svg", "GET /chat/ws");

    /** Sent only by denied roles: for an allowed role they change state the rest of the suite shares. */
    static final Set<String> DENIED_ONLY = Set.of("POST /staff/assistant/rebuild", "POST /staff/assistant/switch");

    /** Steps of a flow that send a caller without the flow's state back to its start, the sign-in page. */
    static final Set<String> FLOW_STEPS = Set.of("GET /login/2fa", "POST /login/2fa", "GET /login/reset/code",
            "POST /login/reset/code");

    /**
     * Forms for page actions whose access is decided after the parameters are bound (in the service, by team): an
     * empty form would stop at the missing parameter and never reach the check this test is about.
     */
    static final Map<String, String> FORMS = Map.of(
            "POST /staff/conversations/{id}/status", "status=PENDING",
            "POST /staff/conversations/{id}/priority", "priority=HIGH",
            "POST /staff/conversations/{id}/reply", "body=checking&note=true",
            "POST /staff/workspace/conversations/{id}/reply", "body=checking&note=true",
            "POST /staff/workspace/conversations/{id}/properties", "priority=HIGH",
            "POST /staff/workspace/bulk", "action=resolve",
            "POST /staff/conversations/{id}/merge", "target=999999",
            "POST /staff/conversations/{conversationId}/complaint", "category=PAYMENT&description=checking");

    /** Run last: they end the caller's API session. */
    static final Set<String> LAST = Set.of("POST /api/v1/auth/revoke");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Registration registration;
    @Autowired
    Teams teams;
    @Autowired
    Conversations conversations;
    @Autowired
    Attachments attachments;
    @Autowired
    Complaints complaints;
    @Autowired
    JdbcClient jdbc;

    static Map<String, Access> table() {
        Map<String, Access> table = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            if (table.put(parts[0] + " " + parts[1], Access.valueOf(parts[2])) != null) {
                throw new IllegalStateException("Twice in the table: " + line);
            }
        }
        return table;
    }

    /** "METHOD pattern" for every route the application maps, read from all request-mapping handler mappings. */
    static TreeSet<String> mappedRoutes(ApplicationContext context) {
        TreeSet<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Set<String> names = new TreeSet<>();
                methods.forEach(m -> names.add(m.name()));
                if (names.isEmpty()) {
                    names.addAll(List.of("GET", "POST"));
                }
                for (String declared : info.getPatternValues()) {
                    // {id:\d{1,18}} and {id} are the same route for the table
                    String pattern = declared.replaceAll("\\{(\\w+):(?:[^{}]|\\{[^{}]*\\})*\\}", "{$1}");
                    if (pattern.startsWith("/actuator/health/") && !pattern.equals("/actuator/health/**")) {
                        pattern = "/actuator/health/**"; // one entry for the health groups and components
                    }
                    for (String method : names) {
                        if (method.equals("HEAD") || method.equals("OPTIONS")) {
                            continue;
                        }
                        routes.add(method + " " + pattern);
                    }
                }
            }
        }
        routes.addAll(EXTRA);
        return routes;
    }

    /** Fills the path variables with ids of customer A's resources (or a harmless value). */
    static String fill(String pattern, Map<String, String> ids) {
        String path = pattern.replace("/**", "/liveness");
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*\\}?)?}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).replace("*", "");
            String before = path.substring(0, m.start());
            String value = switch (name) {
                case "seq" -> ids.get("seq");
                case "conversationId" -> ids.get("conversation");
                case "reference" -> ids.get("complaintReference");
                case "changeId" -> "999999";
                case "token" -> UUID.randomUUID().toString().replace("-", "");
                case "slug" -> ids.get("slug");
                case "code" -> before.startsWith("/problems") ? "not-found"
                        : before.startsWith("/api/v1/wallet") ? ids.get("merchant") : ids.get("component");
                case "platform" -> "android";
                case "bankCode" -> "BCA";
                case "which" -> "front";
                case "action" -> "acknowledge";
                case "path" -> "liveness";
                case "teamId" -> ids.get("teamX");
                case "userId" -> before.contains("/teams/") ? ids.get("customerC") : ids.get("customerA");
                case "id" -> {
                    if (before.contains("/conversations")) {
                        yield ids.get("conversation");
                    } else if (before.contains("/transactions")) {
                        yield ids.get("transaction");
                    } else if (before.startsWith("/staff/complaints")) {
                        yield ids.get("complaintId");
                    } else if (before.contains("/notifications")) {
                        yield ids.get("notification");
                    } else if (before.contains("/users")) {
                        yield ids.get("customerC");
                    } else if (before.startsWith("/staff/help")) {
                        yield ids.get("article");
                    } else if (before.contains("/incidents")) {
                        yield ids.get("incident");
                    }
                    yield "999999";
                }
                default -> "999999";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "999999" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static void addContentIds(Map<String, String> ids, JdbcClient jdbc) {
        ids.put("slug", jdbc.sql("SELECT slug FROM kb_article WHERE state = 'PUBLISHED' ORDER BY id LIMIT 1")
                .query(String.class).optional().orElse("no-such-article"));
        ids.put("article", jdbc.sql("SELECT CAST(id AS VARCHAR) FROM kb_article ORDER BY id LIMIT 1")
                .query(String.class).optional().orElse("999999"));
        ids.put("component", jdbc.sql("SELECT code FROM status_component ORDER BY id LIMIT 1")
                .query(String.class).optional().orElse("api"));
        ids.put("incident", jdbc.sql("SELECT public_id FROM status_incident ORDER BY id LIMIT 1")
                .query(String.class).optional().orElse("999999"));
        ids.put("merchant", jdbc.sql("SELECT code FROM merchant ORDER BY id LIMIT 1")
                .query(String.class).optional().orElse("KOPI-NUSANTARA"));
    }

    /** What a request without a payload carries: an empty JSON object to the API, an empty form to pages. */
    static Reply knock(Caller caller, String method, String route, String path) {
        if (method.equals("GET")) {
            return caller.get(path);
        }
        if (FORMS.containsKey(route)) {
            return caller.postForm(path, FORMS.get(route));
        }
        return path.startsWith("/api/") ? caller.send(method, path, "application/json", "{}".getBytes())
                : caller.send(method, path, "application/x-www-form-urlencoded", new byte[0]);
    }

    static boolean deniedOutcome(Reply reply) {
        int s = reply.status();
        if (s == 401 || s == 403 || s == 404) {
            return true;
        }
        // A request that carries no credentials or no payload may be refused before the door: no content either.
        if (s == 400 || s == 405 || s == 415) {
            return true;
        }
        return s / 100 == 3 && (reply.location().contains("/login") || reply.location().contains("/account/status"));
    }

    @Test
    void everyRouteAnswersEveryRoleAsTheTableSays() {
        Actors actors = new Actors(port).create(registration, teams, conversations, attachments, complaints);
        addContentIds(actors.ids, jdbc);
        Map<String, Access> table = table();
        TreeSet<String> routes = mappedRoutes(context);

        List<String> missing = routes.stream().filter(r -> !table.containsKey(r)).toList();
        List<String> stale = table.keySet().stream().filter(r -> !routes.contains(r)).toList();

        List<String> ordered = new ArrayList<>(routes.stream().filter(r -> !LAST.contains(r)).toList());
        ordered.addAll(routes.stream().filter(LAST::contains).toList());
        List<String> failures = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        int checked = 0;
        for (String route : ordered) {
            Access access = table.get(route);
            if (access == null) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = fill(route.substring(route.indexOf(' ') + 1), actors.ids);
            // Denied roles first, so what an allowed role changes cannot open the door for them.
            List<Who> roles = new ArrayList<>();
            for (Who who : Who.values()) {
                if (!access.allowed.contains(who)) {
                    roles.add(who);
                }
            }
            roles.addAll(access.allowed);
            for (Who who : roles) {
                boolean allowed = access.allowed.contains(who);
                if (allowed && DENIED_ONLY.contains(route)) {
                    continue;
                }
                Reply reply = knock(actors.caller(who), method, route, path);
                checked++;
                String where = route + " as " + who + " (" + method + " " + path + "): " + reply.status()
                        + (reply.location().isEmpty() ? "" : " -> " + reply.location());
                if (reply.is5xx()) {
                    serverErrors.add(where + " " + abbreviate(reply.body()));
                } else if (allowed && (reply.status() == 401 || reply.status() == 403
                        || (reply.status() / 100 == 3 && reply.location().contains("/login")
                                && !FLOW_STEPS.contains(route)))) {
                    failures.add("ALLOWED but refused: " + where);
                } else if (!allowed && !deniedOutcome(reply)) {
                    failures.add("DENIED but let in (" + access + "): " + where);
                }
                String marker = allowed ? null : actors.leakedMarker(reply.body());
                if (marker != null) {
                    failures.add("LEAK of A's content to a denied role: " + where);
                }
                if (path.contains("/conversations/" + actors.conversationA) && !method.equals("GET")) {
                    restoreConversation(actors); // each check starts from A's conversation routed to team X
                }
            }
        }
        System.out.printf("[authorisation] routes x roles checked: %d routes x %d roles = %d requests; "
                        + "5xx found: %d; wrong outcomes: %d; routes missing from the table: %d%n",
                routes.size(), Who.values().length, checked, serverErrors.size(), failures.size(), missing.size());
        serverErrors.forEach(e -> System.out.println("[authorisation] 5xx " + e));
        failures.forEach(e -> System.out.println("[authorisation] " + e));

        assertThat(missing).as("Routes missing from RouteAuthorisationTest.TABLE: add each with its access rule")
                .isEmpty();
        assertThat(stale).as("Table entries for routes that no longer exist").isEmpty();
        assertThat(serverErrors).as("5xx answers (route, role, status, body)").isEmpty();
        assertThat(failures).as("Answers that contradict the access table").isEmpty();
    }

    private void restoreConversation(Actors actors) {
        var supervisor = new io.walletdesk.support.Participant.Staff(actors.caller(Who.SUPERVISOR).userId, "Staf supervisor");
        conversations.assign(actors.conversationA, supervisor, null);
        conversations.changeStatus(actors.conversationA, supervisor, io.walletdesk.support.ConversationStatus.OPEN);
        conversations.assignTeam(actors.conversationA, supervisor, actors.teamX);
    }

    static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
