package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.disputes.Complaints;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.ledger.internal.LedgerTestHooks;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Channel;
import io.walletdesk.shared.web.DeviceSummary;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.LeaveMessage;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.Priority;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agent's standard task in Chromium at 1440x900, measured on the old console and on the workspace: open the
 * next unassigned chat, read why the customer's top-up failed, answer with a canned response, link the
 * transaction, resolve. Counts full page loads, clicks and keys (docs/benchmarks.md). The workspace run asserts
 * the panel explains the failure, the list updates live when another customer writes, and the page never reloads.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class WorkspaceBrowserTest {

    private static final String AGENT_PASSWORD = "meja-kerja-tiga-panel-19";

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    Conversations conversations;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Complaints complaints;

    private ChromeDriver agent;

    @AfterEach
    void close() {
        if (agent != null) {
            agent.quit();
        }
    }

    /** A customer whose top-up the bank declined, asking about it in an urgent chat (the top of the queue). */
    record Asking(long userId, String name, long transactionId, ConversationView conversation) {
    }

    private Asking customerWithFailedTopUp(String name) {
        String phone = TestData.phone();
        ApiClient api = new ApiClient(port).header("X-Forwarded-For", TestData.clientIp());
        ApiClient.Response registered = api.post("/api/v1/auth/register", Map.of("phone", phone, "email", TestData.email(),
                "name", name, "language", "en", "password", TestData.PASSWORD));
        assertThat(registered.status()).isEqualTo(202);
        api.signIn(phone, TestData.PASSWORD);
        long userId = api.get("/api/v1/me").json().get("id").asLong();
        assertThat(api.post("/api/v1/wallet/pin", Map.of("pin", "246810")).status()).isEqualTo(204);
        // The simulated bank declines this account number (BANK_DECLINED), as in TopUpLifecycleTest.
        long tx = api.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/wallet/top-ups",
                Map.of("bankCode", "BCA", "bankAccount", "7000006666", "amount", 150_000)).json().get("id").asLong();
        LedgerTestHooks.deliverBankCallbacksNow(context);
        return new Asking(userId, name, tx, ask(userId, name, "My top-up of Rp150.000 failed, why?", Priority.URGENT));
    }

    private ConversationView ask(long userId, String name, String text, Priority priority) {
        // No agent online: round-robin routing would assign the chat and take it out of the unassigned queue.
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE'").update();
        Participant.Customer customer = new Participant.Customer(userId, name);
        ConversationView c = conversations.openNew(new StartConversation(customer, Channel.CHAT, null, name, null, null,
                "en"));
        conversations.post(new PostMessage(c.id(), customer, UUID.randomUUID().toString(), text, Channel.CHAT, false,
                ClientInfo.system(), null));
        if (priority != Priority.NORMAL) {
            conversations.changePriority(c.id(), new Participant.Staff(0, "setup"), priority);
        }
        return c;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fragments are swapped in place, so an element read a moment ago may have been replaced: look again. */
    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(agent, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Counts full page loads: a page load drops the marker the previous page carried. */
    private int loads;

    private void mark() {
        agent.executeScript("window.__wdMarker = true;");
    }

    private void countLoad() {
        Object marked = agent.executeScript("return window.__wdMarker === true;");
        if (!Boolean.TRUE.equals(marked)) {
            loads++;
            mark();
        }
    }

    /**
     * Clicks something that loads a new page and waits for that page (the marker gone, the document complete),
     * counting the load: reading on before that would read the page the click left.
     */
    private void clickAndLoad(By target) {
        mark();
        agent.findElement(target).click();
        waitFor().ignoring(org.openqa.selenium.JavascriptException.class) // asked while the page is unloading
                .until(d -> !Boolean.TRUE.equals(agent.executeScript("return window.__wdMarker === true;"))
                && "complete".equals(agent.executeScript("return document.readyState;")));
        countLoad();
    }

    private void press(CharSequence key) {
        new Actions(agent).sendKeys(key).perform();
    }

    private void screenshot(String name) {
        Browsers.screenshot(agent, name);
    }

    @Test
    void theStandardTaskTodayAndInTheWorkspace() throws Exception {
        String agentEmail = TestData.email();
        long agentId = registration.createStaff(Role.AGENT, agentEmail, "Sari Agen", AGENT_PASSWORD, null,
                ClientInfo.system());
        agent = Browsers.start(1440, 900);
        agent.get(url("/login"));
        agent.findElement(By.id("identifier")).sendKeys(agentEmail);
        agent.findElement(By.id("password")).sendKeys(AGENT_PASSWORD);
        agent.findElement(By.id("sign-in")).click();
        waitFor().until(d -> !d.getCurrentUrl().endsWith("/login"));

        // ---- Today: the inbox table and the conversation page ----
        Asking first = customerWithFailedTopUp("Rina Wulandari");
        agent.get(url("/staff/inbox?view=unassigned"));
        mark();
        loads = 0;
        int clicks = 0;
        long started = System.nanoTime();
        clickAndLoad(By.xpath("//table[@id='inbox']//tr[td[normalize-space()='Rina Wulandari']]//a"));
        clicks++;
        assertThat(agent.findElement(By.id("customer-transactions")).getText()).contains("BANK_DECLINED");
        clickAndLoad(By.xpath("//form[contains(@action,'/assign')]//button"));
        clicks++;
        new Select(agent.findElement(By.id("canned"))).selectByVisibleText("Top-up failed: the reason");
        clicks += 2;
        clickAndLoad(By.xpath("//form[.//select[@id='canned']]//button"));
        clicks++;
        assertThat(agent.findElement(By.id("reply")).getAttribute("value")).contains("Your bank declined the top-up.");
        Thread.sleep(500); // let the page's live connection say hello before sending through it
        agent.findElement(By.id("send-reply")).click();
        clicks++;
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "I checked your top-up"));
        countLoad();
        // Linking the transaction to the conversation is not possible on today's page.
        new Select(agent.findElement(By.id("status"))).selectByValue("RESOLVED");
        clicks += 2;
        clickAndLoad(By.xpath("//form[.//select[@id='status']]//button"));
        clicks++;
        assertThat(agent.findElement(By.id("conversation-status")).getText()).isEqualTo("Resolved");
        long todayMillis = (System.nanoTime() - started) / 1_000_000;
        int todayLoads = loads;
        int todayClicks = clicks;

        // ---- After: the workspace ----
        Asking second = customerWithFailedTopUp("Bayu Saputra");
        agent.get(url("/staff/workspace?view=unassigned"));
        waitFor().until(d -> "connecting".equals(d.findElement(By.id("main")).getAttribute("data-live")));
        Thread.sleep(500); // the list's live connection says hello
        mark();
        loads = 0;
        clicks = 0;
        int keys = 0;
        int typed = 0;
        started = System.nanoTime();
        press("j");
        keys++;
        waitFor().until(d -> String.valueOf(second.conversation().id()).equals(
                d.findElement(By.id("ws-conversation")).getAttribute("data-conversation-id")));
        String panel = agent.findElement(By.id("customer-panel")).getText();
        assertThat(panel).contains("Bayu Saputra").contains("BANK_DECLINED").contains("Your bank declined the top-up.")
                .contains("Rp0");
        press("a");
        keys++;
        waitFor().until(d -> Long.valueOf(agentId).equals(jdbc.sql("SELECT assignee_user_id FROM conversations WHERE id = :id")
                .param("id", second.conversation().id()).query(Long.class).optional().orElse(null)));
        press("r");
        keys++;
        press("/");
        keys++;
        press("failed");
        typed += "failed".length();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("ws-canned-list")));
        press(Keys.ENTER);
        keys++;
        waitFor().until(d -> d.findElement(By.id("reply")).getAttribute("value").contains("Your bank declined the top-up."));
        press(Keys.ENTER);
        keys++;
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "I checked your top-up"));
        agent.findElement(By.cssSelector("#tx-" + second.transactionId() + " .ws-link-tx")).click();
        clicks++;
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tx-" + second.transactionId()),
                "Linked to this conversation"));
        press("e");
        keys++;
        waitFor().until(d -> "RESOLVED".equals(new Select(d.findElement(By.id("ws-status")))
                .getFirstSelectedOption().getAttribute("value")));
        long afterMillis = (System.nanoTime() - started) / 1_000_000;
        countLoad();
        int afterLoads = loads;
        screenshot("19-workspace");

        // A second customer writes: the list shows them without a reload.
        ask(customerWithoutWallet("Dewi Lestari"), "Dewi Lestari", "Can I change my phone number?", Priority.URGENT);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ws-rows"), "Dewi Lestari"));
        assertThat(agent.findElement(By.id("ws-rows")).getText()).contains("Can I change my phone number?");
        countLoad();
        assertThat(loads).as("full page loads in the workspace").isZero();
        assertThat(((Number) agent.executeScript("return performance.getEntriesByType('navigation').length;")).intValue())
                .isEqualTo(1);

        // On a 360-px phone the workspace collapses to one pane without sideways scrolling.
        agent.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
        Object overflow = agent.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        assertThat(agent.findElement(By.id("ws-list")).isDisplayed()).isFalse();
        screenshot("19-workspace-phone");

        assertThat(jdbc.sql("SELECT status FROM conversations WHERE id = :id").param("id", second.conversation().id())
                .query(String.class).single()).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_transactions WHERE conversation_id = :c AND transaction_id = :t")
                .param("c", second.conversation().id()).param("t", second.transactionId()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT action FROM audit_log WHERE actor_user_id = :a AND details LIKE :ref ORDER BY id""")
                .param("a", agentId).param("ref", second.conversation().reference() + " %").query(String.class).list())
                .containsExactly("CONVERSATION_ASSIGNED", "CONVERSATION_TRANSACTION_LINKED", "CONVERSATION_STATUS_CHANGED");
        assertThat(first.conversation().id()).isNotEqualTo(second.conversation().id());

        // A visitor's conversation, opened by its address (the page without script does the same): what is known.
        String phoneAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
        ConversationView visitor = conversations.leaveMessage(new LeaveMessage(new Participant.Visitor("v-" + UUID.randomUUID(),
                "Putri Anggraini"), "Putri Anggraini", "putri@example.org", null, "en", "I cannot sign in to my wallet",
                new ClientInfo("10.9.8.7", phoneAgent, DeviceSummary.parse(phoneAgent), null, null), UUID.randomUUID().toString()));
        agent.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        agent.get(url("/staff/workspace?c=" + visitor.id()));
        String visitorPanel = agent.findElement(By.id("customer-panel")).getText();
        assertThat(visitorPanel).contains("Putri Anggraini").contains("putri@example.org").contains("Android")
                .contains("Find the account").doesNotContain("Balance");
        // And a customer's, the same way: balance, last transactions, open complaints with their deadline.
        var complaint = complaints.file(new Complaints.FileComplaint(first.userId(), null, "en", "TOP_UP",
                "My top-up of Rp150.000 failed and I want to know why.", first.conversation().id()));
        agent.get(url("/staff/workspace?c=" + first.conversation().id()));
        assertThat(agent.findElement(By.id("panel-complaints")).getText()).contains(complaint.reference()).contains("due");
        // A screenshot dropped on the composer goes up as an attachment and shows in the history.
        waitFor().until(d -> "connecting".equals(d.findElement(By.id("main")).getAttribute("data-live")));
        agent.executeScript("""
                const png = new Uint8Array(4096); png.set([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
                const drop = new DataTransfer(); drop.items.add(new File([png], 'drop.png', {type: 'image/png'}));
                document.getElementById('reply').dispatchEvent(new DragEvent('drop', {dataTransfer: drop, bubbles: true, cancelable: true}));""");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "drop.png"));
        assertThat(agent.findElement(By.id("panel-balance")).getText()).isEqualTo("Rp0");
        assertThat(agent.findElement(By.id("tx-" + first.transactionId())).getText()).contains("Rp150.000")
                .contains("Failed").contains("Your bank declined the top-up.");

        System.out.printf("WORKSPACE-BENCHMARK today: %d page loads, %d clicks, 0 keys, %d ms; "
                + "workspace: %d page loads, %d clicks, %d keys (+%d typed), %d ms%n",
                todayLoads, todayClicks, todayMillis, afterLoads, clicks, keys, typed, afterMillis);
        assertThat(afterLoads).isZero();
        assertThat(clicks + keys).isLessThanOrEqualTo(todayClicks);
        assertThat(clicks * 3).isLessThanOrEqualTo(todayClicks);
    }

    private long customerWithoutWallet(String name) {
        return registration.register(new Registration.RegisterCustomer(TestData.phone(), null, name, "en",
                TestData.PASSWORD), ClientInfo.system());
    }
}
