package xiaoer.app.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's story in a real browser: an anonymous shopper asks 我的快递到哪了, is asked to identify, gives a wrong
 * phone tail (refused, nothing shown), then the right one, and sees the parcel's latest event from the demo records.
 */
class ParcelTrackingBrowserTest extends EndToEndTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private ChromeDriver shopper;

    @BeforeEach
    void openBrowser() throws Exception {
        Browsers.assumeInstalled();
        shopper = Browsers.open();
    }

    @AfterEach
    void closeBrowser() {
        if (shopper != null) shopper.quit();
    }

    @Test
    void anAnonymousShopperIdentifiesWithOrderNumberAndPhoneTailAndSeesTheLatestEvent() {
        shopper.get(baseUrl() + "/");
        new WebDriverWait(shopper, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("xiaoer-launcher"))).click();
        new WebDriverWait(shopper, WAIT).until(d -> !d.findElements(By.cssSelector(".xiaoer-msg[data-from='bot']")).isEmpty());

        say("我的快递到哪了");
        waitForBotSaying("订单号");

        say("订单号 DD20261124002，手机尾号 9999");
        waitForBotSaying("没有对上");
        assertThat(botTexts(shopper)).noneMatch(t -> t.contains("派件中"));

        say("尾号1234");
        waitForBotSaying("派件中");
        String answer = botTexts(shopper).stream().filter(t -> t.contains("派件中")).findFirst().orElseThrow();
        assertThat(answer).contains("DD20261124002").contains("中通快递").contains("ZT7300012345").contains("浦东新区");
    }

    private void say(String text) {
        WebElement input = shopper.findElement(By.id("xiaoer-input"));
        input.sendKeys(text);
        shopper.findElement(By.id("xiaoer-send")).click();
    }

    private void waitForBotSaying(String part) {
        new WebDriverWait(shopper, WAIT)
                .withMessage(() -> "the bot never said «" + part + "»; the widget shows: " + allTexts(shopper))
                .until(d -> botTexts(d).stream().anyMatch(t -> t.contains(part)));
    }

    private static List<String> allTexts(WebDriver d) {
        return d.findElements(By.cssSelector(".xiaoer-msg")).stream()
                .map(e -> e.getAttribute("data-from") + ": " + e.getText()).toList();
    }

    private static List<String> botTexts(WebDriver d) {
        try {
            return d.findElements(By.cssSelector(".xiaoer-msg[data-from='bot']")).stream().map(WebElement::getText)
                    .toList();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return List.of(); // the widget re-rendered while we read it: the wait asks again
        }
    }
}
