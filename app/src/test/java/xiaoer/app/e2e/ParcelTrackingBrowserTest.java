package xiaoer.app.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's story in a real browser: an anonymous shopper asks 我的快递到哪了, is asked to identify, gives a wrong
 * phone tail (refused, nothing shown), then the right one, and sees the parcel's latest event from the demo records.
 */
class ParcelTrackingBrowserTest extends EndToEndTestBase {

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
    void anAnonymousShopperIdentifiesWithOrderNumberAndPhoneTailAndSeesTheLatestEvent() {
        shopper.get(baseUrl() + "/");
        new WebDriverWait(shopper, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("xiaoer-launcher"))).click();
        Browsers.waitFor(shopper, WAIT, BOT, 1);

        Browsers.say(shopper, "我的快递到哪了");
        Browsers.waitForBotSaying(shopper, WAIT, "订单号");

        Browsers.say(shopper, "订单号 DD20261124002，手机尾号 9999");
        Browsers.waitForBotSaying(shopper, WAIT, "没有对上");
        assertThat(Browsers.texts(shopper, BOT)).noneMatch(t -> t.contains("派件中"));

        Browsers.say(shopper, "尾号1234");
        Browsers.waitForBotSaying(shopper, WAIT, "派件中");
        String answer = Browsers.texts(shopper, BOT).stream().filter(t -> t.contains("派件中")).findFirst().orElseThrow();
        assertThat(answer).contains("DD20261124002").contains("中通快递").contains("ZT7300012345").contains("浦东新区");
    }
}
