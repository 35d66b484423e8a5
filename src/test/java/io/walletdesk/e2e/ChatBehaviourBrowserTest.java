package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.BusinessHours;
import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13, what the customer sees of the chat's behaviour, in real Chromium. */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class ChatBehaviourBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Conversations conversations;
    @Autowired
    BusinessHours hours;

    private ChromeDriver customer;

    @AfterEach
    void close() {
        if (customer != null) {
            customer.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private long agentOnline() {
        return OnlineAgents.create(registration, jdbc, clock);
    }

    /** Rate limits count in whole-minute windows: moves the clock to {@code second} of a window. */
    private void toSecondOfMinute(int second) {
        long into = Math.floorMod(clock.instant().toEpochMilli(), 60_000L);
        clock.advance(Duration.ofMillis(Math.floorMod(second * 1000L - into, 60_000L)));
        jdbc.sql("UPDATE agent_presence SET last_seen_at = :now WHERE status = 'ONLINE'")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private void startAsVisitor(String name) {
        customer.get(url("/support"));
        waitFor(customer).until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        waitFor(customer).until(ExpectedConditions.visibilityOfElementLocated(By.id("wd-name"))).sendKeys(name);
        customer.findElement(By.id("wd-start")).click();
    }

    private String stored(String key) {
        return (String) customer.executeScript("return window.localStorage.getItem(arguments[0]);", key);
    }

    @Test
    void aCustomerOverTheLimitIsToldToWaitAndTheWidgetSendsTheMessageByItself() {
        agentOnline();
        customer = Browsers.phone();
        startAsVisitor("Tari");
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "online"));
        waitFor(customer).until(d -> stored("wd_conversation") != null);
        long conversationId = Long.parseLong(stored("wd_conversation"));

        // The same visitor's other tab used up this minute's budget, most of a minute ago.
        ApiClient api = new ApiClient(port).header("X-Chat-Token", stored("wd_chat_token"));
        toSecondOfMinute(1);
        for (int i = 1; i <= 30; i++) {
            assertThat(api.post("/api/v1/chat/conversations/" + conversationId + "/messages",
                    Map.of("clientMessageId", "tab-" + i, "body", "tab " + i)).status()).isEqualTo(201);
        }
        assertThat(Math.floorMod(clock.instant().toEpochMilli(), 60_000L)).as("still the same window").isLessThan(50_000L);
        toSecondOfMinute(56);

        customer.findElement(By.id("wd-input")).sendKeys("Are you still there?");
        customer.findElement(By.id("wd-send")).click();
        waitFor(customer).until(d -> d.findElement(By.id("walletdesk-chat")).getAttribute("data-retry-after") != null);
        assertThat(customer.findElement(By.id("wd-status")).getText()).contains("goes out by itself in");

        By mine = By.xpath("//*[@id='wd-messages']/li[contains(., 'Are you still there?')]");
        waitFor(customer).until(ExpectedConditions.attributeToBe(mine, "data-status", "delivered"));
        assertThat(customer.findElement(By.id("walletdesk-chat")).getAttribute("data-retry-after")).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_messages WHERE conversation_id = :c AND body = :b")
                .param("c", conversationId).param("b", "Are you still there?").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anAnonymousChatContinuesInTheAccountAfterSigningInInTheSameBrowser() {
        long agentId = agentOnline();
        String phone = TestData.phone();
        long customerId = registration.register(new Registration.RegisterCustomer(phone, null, "Dimas Prasetyo", "en",
                TestData.PASSWORD), ClientInfo.system());
        customer = Browsers.phone();
        startAsVisitor("Dimas");
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "online"));
        customer.findElement(By.id("wd-input")).sendKeys("My top-up is missing");
        customer.findElement(By.id("wd-send")).click();
        waitFor(customer).until(ExpectedConditions.attributeToBe(By.cssSelector("#wd-messages li.wd-mine"), "data-status", "delivered"));
        long conversationId = Long.parseLong(stored("wd_conversation"));
        conversations.post(new PostMessage(conversationId, new Participant.Staff(agentId, "Sari Agen"), "agent-reply-1",
                "We found your top-up; please sign in so we can check your account", Channel.CHAT, false, null, null));
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-messages"), "We found your top-up"));

        customer.get(url("/login"));
        customer.findElement(By.id("identifier")).sendKeys(phone);
        customer.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        customer.findElement(By.id("sign-in")).click();
        waitFor(customer).until(d -> !d.getCurrentUrl().endsWith("/login"));
        customer.get(url("/support"));
        waitFor(customer).until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();

        // The same conversation, with the agent's reply, now the account's: not a new one.
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-messages"), "We found your top-up"));
        assertThat(customer.findElement(By.id("wd-messages")).getText()).contains("My top-up is missing");
        assertThat(stored("wd_conversation")).isEqualTo(String.valueOf(conversationId));
        assertThat(stored("wd_chat_token")).isNull();
        customer.findElement(By.id("wd-input")).sendKeys("Thank you, I am signed in now");
        customer.findElement(By.id("wd-send")).click();
        By thanks = By.xpath("//*[@id='wd-messages']/li[contains(., 'I am signed in now')]");
        waitFor(customer).until(ExpectedConditions.attributeToBe(thanks, "data-status", "delivered"));
        assertThat(jdbc.sql("SELECT customer_user_id FROM conversations WHERE id = :id").param("id", conversationId)
                .query(Long.class).single()).isEqualTo(customerId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversations WHERE customer_user_id = :u").param("u", customerId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private void signIn(String identifier, String password) {
        customer.get(url("/login"));
        customer.findElement(By.id("identifier")).sendKeys(identifier);
        customer.findElement(By.id("password")).sendKeys(password);
        customer.findElement(By.id("sign-in")).click();
        waitFor(customer).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private String chosenPresence() {
        customer.get(url("/staff"));
        return new Select(customer.findElement(By.id("presence"))).getFirstSelectedOption().getAttribute("value");
    }

    private long visitorConversation() {
        String token = new ApiClient(port).post("/api/v1/chat/visitors", Map.of("name", "Wulan")).json().get("token").asText();
        return new ApiClient(port).header("X-Chat-Token", token).post("/api/v1/chat/conversations", Map.of())
                .json().get("id").asLong();
    }

    @Test
    void aSelfDiagnosisIsAddedToTheCustomersOpenConversationNotANewOne() {
        String phone = TestData.phone();
        long customerId = registration.register(new Registration.RegisterCustomer(phone, null, "Ayu Lestari", "en",
                TestData.PASSWORD), ClientInfo.system());
        var open = conversations.openNew(new io.walletdesk.support.StartConversation(
                new Participant.Customer(customerId, "Ayu Lestari"), Channel.CHAT, "Top-up not arrived", "Ayu Lestari",
                null, phone, "en"));
        customer = Browsers.phone();
        signIn(phone, TestData.PASSWORD);

        customer.get(url("/diagnose"));
        waitFor(customer).until(d -> String.valueOf(((ChromeDriver) d).executeScript(
                "return document.getElementById('diag-report-id').textContent;")).startsWith("DG-"));
        String reportId = customer.findElement(By.id("diag-report-id")).getText();
        customer.findElement(By.id("diag-attach")).click();
        By addToOpen = By.xpath("//section[@id='attach-to-open']//button[contains(., '" + open.reference() + "')]");
        waitFor(customer).until(ExpectedConditions.elementToBeClickable(addToOpen)).click();

        waitFor(customer).until(d -> d.getCurrentUrl().contains("/support/conversations/" + open.id()));
        assertThat(customer.findElement(By.tagName("main")).getText()).contains(reportId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversations WHERE customer_user_id = :u").param("u", customerId)
                .query(Integer.class).single()).as("no new conversation").isEqualTo(1);
        // Sent twice (a double tap, a resend on a bad network), it is still one message.
        customer.navigate().back();
        waitFor(customer).until(ExpectedConditions.elementToBeClickable(addToOpen)).click();
        waitFor(customer).until(d -> d.getCurrentUrl().contains("/support/conversations/" + open.id()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_messages WHERE conversation_id = :c AND body LIKE :b")
                .param("c", open.id()).param("b", "%" + reportId + "%").query(Integer.class).single()).isEqualTo(1);
        Object scrollWidth = customer.executeScript("return document.documentElement.scrollWidth;");
        assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(360);
    }

    @Test
    void presenceChangesOnlyByThePersonsChoice() throws Exception {
        String email = TestData.email();
        long agentId = registration.createStaff(Role.AGENT, email, "Nina Agen", "meja-bantuan-pagi-77", null,
                ClientInfo.system());
        long conversationId = visitorConversation();
        customer = Browsers.start(1280, 900);
        signIn(email, "meja-bantuan-pagi-77");
        assertThat(chosenPresence()).as("never chosen: not online").isEqualTo("OFFLINE");

        new Select(customer.findElement(By.id("presence"))).selectByValue("ONLINE");
        customer.findElement(By.id("set-presence")).click();
        assertThat(chosenPresence()).isEqualTo("ONLINE");
        new Select(customer.findElement(By.id("presence"))).selectByValue("OFFLINE");
        customer.findElement(By.id("set-presence")).click();
        assertThat(chosenPresence()).isEqualTo("OFFLINE");

        // Opening a conversation connects the console's live chat: that is not choosing to be Online.
        customer.get(url("/staff/conversations/" + conversationId));
        waitFor(customer).until(d -> d.findElement(By.id("reply")).isDisplayed());
        Thread.sleep(1500);
        assertThat(jdbc.sql("SELECT status FROM agent_presence WHERE user_id = :u").param("u", agentId)
                .query(String.class).single()).isEqualTo("OFFLINE");
        assertThat(chosenPresence()).isEqualTo("OFFLINE");
    }

    @Test
    void offDutyTheWidgetSaysWhenAPersonAnswersAsTheAssistantDoes() {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE'").update();
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");
        ZonedDateTime now = clock.instant().atZone(jakarta);
        clock.advance(Duration.between(now, now.with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).withHour(21).withMinute(0)));
        assertThat(hours.isOpen(clock.instant())).isFalse();
        // Written as every page writes dates (and as the assistant's hand-over says it): "28 Dec 2026, 08:00 WIB".
        String opening = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'WIB'", Locale.ENGLISH).withZone(jakarta)
                .format(hours.nextOpening(clock.instant()));

        customer = Browsers.phone();
        startAsVisitor("Rina");
        waitFor(customer).until(d -> "OFF_DUTY".equals(d.findElement(By.id("walletdesk-chat")).getAttribute("data-human-answer")));
        assertThat(customer.findElement(By.id("wd-status")).getText()).contains("People answer from " + opening + ".")
                .doesNotContain("online and will answer");
    }

    @Test
    void aSupervisorWhoNeverChoseDoesNotCountAsOnline() throws Exception {
        String email = TestData.email();
        long supervisorId = registration.createStaff(Role.SUPERVISOR, email, "Rudi Super", "meja-bantuan-pagi-77", null,
                ClientInfo.system());
        long conversationId = visitorConversation();
        customer = Browsers.start(1280, 900);
        signIn(email, "meja-bantuan-pagi-77");
        customer.get(url("/staff/conversations/" + conversationId));
        waitFor(customer).until(d -> d.findElement(By.id("reply")).isDisplayed());
        Thread.sleep(1500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agent_presence WHERE user_id = :u").param("u", supervisorId)
                .query(Integer.class).single()).isZero();
    }
}
