package xiaoer.app.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper on an English page (no charset declared) in a real browser: the widget speaks English (its own words,
 * the greeting), the starter scripts answer in English, and the order look-up runs in English to the parcel's latest
 * event from the demo records.
 */
class EnglishShopperBrowserTest extends EndToEndTestBase {

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
    void anEnglishShopperIsServedInEnglishFromGreetingToTracking() {
        shopper.get(baseUrl() + "/widget/testing/en-shop.html");
        WebElement launcher = new WebDriverWait(shopper, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("xiaoer-launcher")));
        assertThat(launcher.getText()).contains("Customer service");
        launcher.click();
        waitForBotSaying("Hello and welcome");
        // the script's own "…" decoded as UTF-8 although the page declares no charset
        assertThat(shopper.findElement(By.id("xiaoer-input")).getAttribute("placeholder")).isEqualTo("Type your question…");
        assertThat(shopper.findElement(By.id("xiaoer-send")).getText()).isEqualTo("Send");

        say("which courier do you use?");
        waitForBotSaying("JD Logistics");

        say("where's my parcel?");
        waitForBotSaying("order number");
        say("it's DD20261124002, phone ends 1234");
        waitForBotSaying("ZT7300012345");
        String answer = botTexts(shopper).stream().filter(t -> t.contains("ZT7300012345")).findFirst().orElseThrow();
        assertThat(answer).contains("DD20261124002").contains("tracking number");
        assertThat(botTexts(shopper)).noneMatch(t -> t.contains("您好") || t.contains("订单号"));
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
        } catch (StaleElementReferenceException redrawn) {
            return List.of(); // the widget re-rendered while we read it: the wait asks again
        }
    }
}
