package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.Browsers;
import io.walletdesk.testing.ChromiumAvailable;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live chat in real Chromium: a customer on a 360x740 phone chats in the widget while an agent answers from
 * the console in a second browser; and with no agent online, the widget takes a message for e-mail reply.
 */
@WalletDeskTest
@ExtendWith(ChromiumAvailable.class)
class LiveChatBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    OutboundMessages outbox;
    @Autowired
    JdbcClient jdbc;

    private ChromeDriver customer;
    private ChromeDriver agent;

    @AfterEach
    void close() {
        if (customer != null) {
            customer.quit();
        }
        if (agent != null) {
            agent.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void signIn(ChromeDriver browser, String identifier, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("identifier")).sendKeys(identifier);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // Wait for the sign-in to finish before navigating away, or the next page load would cancel it.
        waitFor(browser).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void aCustomerChatsInTheWidgetAndAnAgentAnswersFromTheConsole() throws Exception {
        String phone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(phone, null, "Dimas Prasetyo", "en", TestData.PASSWORD),
                ClientInfo.system());
        String agentEmail = TestData.email();
        registration.createStaff(Role.AGENT, agentEmail, "Ayu Agen", "meja-bantuan-pagi-77", null, ClientInfo.system());

        agent = Browsers.start(1280, 900);
        signIn(agent, agentEmail, "meja-bantuan-pagi-77");
        new org.openqa.selenium.support.ui.Select(agent.findElement(By.id("presence"))).selectByValue("ONLINE");
        agent.findElement(By.id("set-presence")).click();

        customer = Browsers.phone();
        signIn(customer, phone, TestData.PASSWORD);
        customer.get(url("/support"));
        try {
            waitFor(customer).until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Keep what the browser saw, to diagnose a widget that never started.
            throw new AssertionError("No chat launcher on " + customer.getCurrentUrl() + ": "
                    + customer.getPageSource().substring(0, Math.min(3000, customer.getPageSource().length())), e);
        }
        customer.findElement(By.id("wd-launcher")).click();
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "online"));
        customer.findElement(By.id("wd-input")).sendKeys("My top-up has not arrived");
        customer.findElement(By.id("wd-send")).click();
        waitFor(customer).until(ExpectedConditions.attributeToBe(By.cssSelector("#wd-messages li.wd-mine"), "data-status", "delivered"));
        Object overflow = customer.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Browsers.screenshot(customer, "10-widget-customer");

        agent.get(url("/staff/inbox?view=all"));
        agent.findElement(By.xpath("//table[@id='inbox']//tr[td[normalize-space()='Dimas Prasetyo']]//a")).click();
        waitFor(agent).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.id("messages")).getText().contains("My top-up has not arrived"));
        assertThat(agent.findElement(By.id("customer-panel")).getText()).contains("Dimas Prasetyo");
        waitFor(agent).until(d -> d.findElement(By.id("reply")).isDisplayed());
        Thread.sleep(500); // let the console's live connection say hello before replying through it
        agent.findElement(By.id("reply")).sendKeys("We are checking it now");
        agent.findElement(By.id("send-reply")).click();

        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-messages"), "We are checking it now"));
        Browsers.screenshot(customer, "11-widget-answered");
        // The customer's widget reads the answer; the agent's page keeps the whole history.
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "We are checking it now"));

        // A message that arrives live shows its time as the server-rendered ones do: in WIB, with the zone's name.
        customer.findElement(By.id("wd-input")).sendKeys("Thank you");
        customer.findElement(By.id("wd-send")).click();
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Thank you"));
        List<WebElement> shown = agent.findElements(By.cssSelector("#messages li"));
        assertThat(shown.get(shown.size() - 1).getText()).contains("Thank you").contains("WIB");
    }

    @Test
    void withNoAgentOnlineTheWidgetTakesAMessageForAnEmailReply() throws Exception {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE'").update();
        String email = TestData.email();
        customer = Browsers.phone();
        customer.get(url("/support"));
        waitFor(customer).until(ExpectedConditions.elementToBeClickable(By.id("wd-launcher"))).click();
        waitFor(customer).until(ExpectedConditions.visibilityOfElementLocated(By.id("wd-name"))).sendKeys("Lestari");
        customer.findElement(By.id("wd-email")).sendKeys(email);
        customer.findElement(By.id("wd-start")).click();
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "No agent is online"));
        customer.findElement(By.id("wd-input")).sendKeys("Please call me back about a failed transfer");
        customer.findElement(By.id("wd-send")).click();
        waitFor(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wd-status"), "WD-"));
        Browsers.screenshot(customer, "12-widget-left-message");
        String reference = customer.findElement(By.id("walletdesk-chat")).getAttribute("data-left-message");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(outbox.to(email)).anySatisfy(m -> assertThat(m.subject()).contains(reference)));
    }
}
