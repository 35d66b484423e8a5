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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page as every role: starts from every page route in the handler mappings (path variables filled with
 * customer A's ids) and from the entry pages, follows the links found in the HTML, and asserts no 5xx anywhere.
 */
@WalletDeskTest
class PageCrawlTest {

    static final int MAX_PAGES_PER_ROLE = 70;
    static final int MAX_VARIANTS_PER_PATH = 4;
    private static final Pattern LINK = Pattern.compile("(?:href|action|src)=\"(/[^\"#]*)");
    private static final List<String> NOT_PAGES = List.of("/api/", "/v3/", "/swagger-ui", "/actuator", "/css/", "/js/",
            "/img/", "/webjars/", "/fonts/", "/logout", "/chat/ws");

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

    @Test
    void noPageAnswersAnyRoleWithAServerError() {
        Actors actors = new Actors(port).create(registration, teams, conversations, attachments, complaints);
        RouteAuthorisationTest.addContentIds(actors.ids, jdbc);
        List<String> seeds = new ArrayList<>(List.of("/", "/staff", "/account", "/wallet", "/support", "/help",
                "/status", "/diagnose", "/notifications"));
        for (String route : RouteAuthorisationTest.mappedRoutes(context)) {
            if (route.startsWith("GET ")) {
                String path = RouteAuthorisationTest.fill(route.substring(4), actors.ids);
                if (isPage(path)) {
                    seeds.add(path);
                }
            }
        }

        List<String> serverErrors = new ArrayList<>();
        int visited = 0;
        for (Who who : Who.values()) {
            Caller caller = actors.caller(who);
            Set<String> seen = new LinkedHashSet<>();
            Map<String, Integer> variants = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(seeds);
            while (!queue.isEmpty() && seen.size() < MAX_PAGES_PER_ROLE) {
                String page = queue.poll();
                String bare = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
                if (!seen.add(page) || variants.merge(bare, 1, Integer::sum) > MAX_VARIANTS_PER_PATH) {
                    continue;
                }
                Reply reply = caller.get(page);
                visited++;
                if (reply.is5xx()) {
                    serverErrors.add(who + " GET " + page + " -> " + reply.status() + " "
                            + RouteAuthorisationTest.abbreviate(reply.body()).substring(0,
                                    Math.min(120, RouteAuthorisationTest.abbreviate(reply.body()).length())));
                }
                if (reply.contentType().startsWith("text/html")) {
                    Matcher m = LINK.matcher(reply.body());
                    while (m.find()) {
                        String link = m.group(1).replace("&amp;", "&");
                        if (isPage(link) && !seen.contains(link)) {
                            queue.add(link);
                        }
                    }
                }
            }
        }
        System.out.printf("[crawl] pages visited: %d (%d roles, up to %d pages each); 5xx found: %d%n", visited,
                Who.values().length, MAX_PAGES_PER_ROLE, serverErrors.size());
        serverErrors.forEach(e -> System.out.println("[crawl] 5xx " + e));
        assertThat(serverErrors).as("Pages answering a role with a 5xx").isEmpty();
    }

    private static boolean isPage(String path) {
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }
}
