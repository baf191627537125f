package xiaoer.app.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper on an English page (no charset declared) in a real browser: the widget speaks English (its own words,
 * the greeting), the starter scripts answer in English, and the order look-up runs in English to the parcel's latest
 * event from the demo records.
 */
class EnglishShopperBrowserTest extends EndToEndTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BOT = ".xiaoer-msg[data-from='bot']";
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
        Browsers.waitForBotSaying(shopper, WAIT, "Hello and welcome");
        // the script's own "…" decoded as UTF-8 although the page declares no charset
        assertThat(shopper.findElement(By.id("xiaoer-input")).getAttribute("placeholder")).isEqualTo("Type your question…");
        assertThat(shopper.findElement(By.id("xiaoer-send")).getText()).isEqualTo("Send");

        Browsers.say(shopper, "which courier do you use?");
        Browsers.waitForBotSaying(shopper, WAIT, "JD Logistics");

        Browsers.say(shopper, "where's my parcel?");
        Browsers.waitForBotSaying(shopper, WAIT, "order number");
        Browsers.say(shopper, "it's DD20261124002, phone ends 1234");
        Browsers.waitForBotSaying(shopper, WAIT, "ZT7300012345");
        String answer = Browsers.texts(shopper, BOT).stream().filter(t -> t.contains("ZT7300012345")).findFirst().orElseThrow();
        assertThat(answer).contains("DD20261124002").contains("tracking number");
        assertThat(Browsers.texts(shopper, BOT)).noneMatch(t -> t.contains("您好") || t.contains("订单号"));
    }
}
