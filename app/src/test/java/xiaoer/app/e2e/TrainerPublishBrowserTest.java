package xiaoer.app.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Script;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's story: a trainer adds a phrasing, the explain box shows the new match on the draft, the regression run
 * passes, they publish, and a shopper's widget gets the new answer without a restart.
 */
class TrainerPublishBrowserTest extends EndToEndTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A question no starter script answers (checked below), taught to shipping.carrier. */
    private static final String NEW_PHRASING = "火星基地那边你们能发货过去吗";

    @Autowired
    KnowledgeBase kb;

    private ChromeDriver trainer;
    private ChromeDriver shopper;

    @BeforeEach
    void openBrowsers() throws Exception {
        Browsers.assumeInstalled();
        trainer = Browsers.open();
        shopper = Browsers.open();
    }

    @AfterEach
    void closeBrowsers() {
        if (trainer != null) trainer.quit();
        if (shopper != null) shopper.quit();
    }

    @Test
    void aPublishedPhrasingAnswersShoppersWithoutARestart() {
        assertThat(kb.retrieve(NEW_PHRASING, "zh").bestScriptId()).as("live answer before the change")
                .isNotEqualTo("shipping.carrier");
        Script english = kb.script("shipping.carrier").orElseThrow().in("en");

        Browsers.logIn(trainer, baseUrl(), "trainer", "trainer123");
        trainer.get(baseUrl() + "/trainer");

        clickWhenReady(By.cssSelector("#script-list .script-item[data-id='shipping.carrier']"));
        new WebDriverWait(trainer, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("phrasing-new")))
                .sendKeys(NEW_PHRASING);
        trainer.findElement(By.id("phrasing-add")).click();
        trainer.findElement(By.id("save-script")).click();
        waitForText(By.id("save-status"), "已保存");

        WebElement input = trainer.findElement(By.id("explain-input"));
        input.clear();
        input.sendKeys(NEW_PHRASING);
        new Select(trainer.findElement(By.id("explain-target"))).selectByValue("draft");
        trainer.findElement(By.id("explain-run")).click();
        new WebDriverWait(trainer, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#explain-script[data-script-id='shipping.carrier']")));

        new Select(trainer.findElement(By.id("case-expected"))).selectByValue("shipping.carrier");
        trainer.findElement(By.id("save-case")).click();
        waitForText(By.id("cases-summary"), "已存为用例");
        trainer.findElement(By.id("run-cases")).click();
        waitForText(By.id("cases-summary"), "通过");
        assertThat(trainer.findElements(By.cssSelector("#cases-result .case[data-pass='false']"))).isEmpty();

        trainer.findElement(By.id("publish-note")).sendKeys("火星也能问快递了");
        trainer.findElement(By.id("publish-btn")).click();
        waitForText(By.id("publish-status"), "已发布");
        // the editor kept the English it does not show in full (variants, facts) and the English buttons it does
        assertThat(kb.script("shipping.carrier").orElseThrow().in("en")).isEqualTo(english);

        String answer = kb.script("shipping.carrier").orElseThrow().answer();
        String start = answer.substring(0, Math.min(12, answer.length()));
        shopper.get(baseUrl() + "/");
        new WebDriverWait(shopper, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("xiaoer-launcher"))).click();
        new WebDriverWait(shopper, WAIT).until(d -> !d.findElements(By.cssSelector(".xiaoer-msg[data-from='bot']")).isEmpty());
        shopper.findElement(By.id("xiaoer-input")).sendKeys(NEW_PHRASING);
        shopper.findElement(By.id("xiaoer-send")).click();
        new WebDriverWait(shopper, WAIT).until(d -> d.findElements(By.cssSelector(".xiaoer-msg[data-from='bot']")).stream()
                .anyMatch(e -> e.getText().contains(start)));
    }

    private void clickWhenReady(By by) {
        new WebDriverWait(trainer, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void waitForText(By by, String part) {
        new WebDriverWait(trainer, WAIT).withMessage(() -> by + " never showed «" + part + "»: "
                        + trainer.findElement(by).getText())
                .until((WebDriver d) -> d.findElement(by).getText().contains(part));
    }
}
