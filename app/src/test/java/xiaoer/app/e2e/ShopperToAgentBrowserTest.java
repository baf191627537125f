package xiaoer.app.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import xiaoer.kb.KnowledgeBase;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static xiaoer.app.e2e.Browsers.click;
import static xiaoer.app.e2e.Browsers.say;
import static xiaoer.app.e2e.Browsers.texts;
import static xiaoer.app.e2e.Browsers.waitFor;

/**
 * Issue 3's story in two real browsers: a shopper asks 发什么快递 and gets the starter answer, types 转人工, an agent
 * logs in, accepts, replies, the reply appears in the shopper's widget with the agent's name, and the agent closes.
 */
class ShopperToAgentBrowserTest extends EndToEndTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    KnowledgeBase kb;

    private ChromeDriver shopper;
    private ChromeDriver agent;

    @BeforeEach
    void openBrowsers() throws Exception {
        Browsers.assumeInstalled();
        shopper = Browsers.open();
        agent = Browsers.open();
    }

    @AfterEach
    void closeBrowsers() {
        if (shopper != null) shopper.quit();
        if (agent != null) agent.quit();
    }

    @Test
    void aShopperIsAnsweredByTheBotThenByAnAgent() {
        shopper.get(baseUrl() + "/");
        new WebDriverWait(shopper, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("xiaoer-launcher"))).click();
        waitFor(shopper, WAIT, ".xiaoer-msg[data-from='bot']", 1); // the greeting, at once

        say(shopper, "发什么快递");
        String answer = kb.script("shipping.carrier").orElseThrow().answer();
        String carrierAnswer = answer.substring(0, Math.min(12, answer.length()));
        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-msg[data-from='bot']").stream()
                .anyMatch(t -> t.contains(carrierAnswer)));

        say(shopper, "转人工");
        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-msg[data-from='system']").stream()
                .anyMatch(t -> t.contains("排在第")));

        Browsers.logIn(agent, baseUrl(), "agent", "agent123");
        agent.get(baseUrl() + "/console");
        // routing (issue 7) gives the waiting chat to the agent as soon as their console is online
        click(agent, WAIT, By.cssSelector("#mine .mine-item"));
        // the whole history reaches the agent, the bot's turns included
        new WebDriverWait(agent, WAIT).until(d -> texts(d, "#history .msg[data-from='bot']").stream()
                .anyMatch(t -> t.contains(carrierAnswer)));

        WebElement input = new WebDriverWait(agent, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("reply-input")));
        input.sendKeys("您好，我是小美，我们默认发中通快递，需要顺丰可以补差价哦");
        agent.findElement(By.id("reply-send")).click();

        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-msg[data-from='agent']").stream()
                .anyMatch(t -> t.contains("我们默认发中通快递")));
        assertThat(shopper.findElement(By.id("xiaoer-panel")).getText()).contains("小美");

        agent.findElement(By.id("close-btn")).click();
        agent.switchTo().alert().accept();
        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-msg[data-from='system']").stream()
                .anyMatch(t -> t.contains("欢迎再来")));
    }
}
