package xiaoer.app.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static xiaoer.app.e2e.Browsers.click;
import static xiaoer.app.e2e.Browsers.say;
import static xiaoer.app.e2e.Browsers.texts;
import static xiaoer.app.e2e.Browsers.waitFor;

/**
 * Issue 6, damaged goods in real browsers: a shopper reports 收到是坏的 and uploads a photo in the widget; the agent
 * sees the photo in the console history and opens a damage report; the agent and the lead sign it off; the lead
 * records the decision; the shopper sees the outcome in the chat.
 */
class DamagedItemBrowserTest extends EndToEndTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private ChromeDriver shopper;
    private ChromeDriver agent;
    private ChromeDriver lead;

    @BeforeEach
    void openBrowsers() throws Exception {
        Browsers.assumeInstalled();
        shopper = Browsers.open();
        agent = Browsers.open();
        lead = Browsers.open();
    }

    @AfterEach
    void closeBrowsers() {
        for (ChromeDriver d : new ChromeDriver[]{shopper, agent, lead}) if (d != null) d.quit();
    }

    @Test
    void aDamagedItemPhotoIsSignedOffByAgentAndLeadAndTheShopperHearsTheDecision() throws Exception {
        shopper.get(baseUrl() + "/");
        new WebDriverWait(shopper, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("xiaoer-launcher"))).click();
        waitFor(shopper, WAIT, ".xiaoer-msg[data-from='bot']", 1);
        say(shopper, "收到是坏的");
        say(shopper, "转人工");
        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-msg[data-from='system']").stream()
                .anyMatch(t -> t.contains("排在第")));

        Browsers.logIn(agent, baseUrl(), "agent", "agent123");
        agent.get(baseUrl() + "/console");
        click(agent, WAIT, By.cssSelector("#mine .mine-item"));
        new WebDriverWait(agent, WAIT).until(d -> texts(d, "#history .msg[data-from='shopper']").stream()
                .anyMatch(t -> t.contains("收到是坏的")));

        // a photo that is not an image is refused in the widget with a clear text
        Path fake = Files.createTempFile("not-a-photo", ".png");
        Files.writeString(fake, "this is not a picture");
        choosePhoto(fake);
        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-photo-row.xiaoer-failed").stream()
                .anyMatch(t -> t.contains("只能上传图片")));

        Path photo = Files.createTempFile("broken-cup", ".png");
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) for (int y = 0; y < 30; y++) img.setRGB(x, y, x < 20 ? 0xCC3333 : 0x3333CC);
        ImageIO.write(img, "png", photo.toFile());
        choosePhoto(photo);
        new WebDriverWait(shopper, WAIT).until(d -> !d.findElements(By.cssSelector(".xiaoer-photo-row[data-attachment]")).isEmpty());

        // the agent sees the photo (loaded from the staff-only endpoint) in the history
        WebElement thumb = new WebDriverWait(agent, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history img.thumb")));
        new WebDriverWait(agent, WAIT).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].naturalWidth", thumb)).intValue() == 40);
        String conversationId = (String) agent.executeScript("return window.location.hash || ''");

        new Select(agent.findElement(By.id("damage-kind"))).selectByValue("DAMAGED");
        agent.findElement(By.id("damage-desc")).sendKeys("杯子收到时已破裂");
        agent.findElement(By.id("damage-open")).click();
        click(agent, WAIT, By.cssSelector("#records-damage .sign-off"));
        new WebDriverWait(agent, WAIT).until(d -> texts(d, "#records-damage .sign-offs li").stream()
                .anyMatch(t -> t.startsWith("AGENT") && t.contains("agent")));
        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-msg[data-from='system']").stream()
                .anyMatch(t -> t.contains("登记了商品问题")));

        String id = jdbc.queryForObject("select conversation_id from shop_damage_reports order by opened_at desc limit 1",
                String.class);
        Browsers.logIn(lead, baseUrl(), "lead", "lead123");
        lead.get(baseUrl() + "/console#c=" + id);
        click(lead, WAIT, By.cssSelector("#records-damage .sign-off"));
        new WebDriverWait(lead, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement decide = d.findElement(By.cssSelector("#records-damage .decide"));
            new Select(d.findElement(By.cssSelector("#records-damage .decision-select"))).selectByValue("RESEND");
            decide.click();
            return true;
        });
        new WebDriverWait(lead, WAIT).until(d -> texts(d, "#records-damage .decision").stream()
                .anyMatch(t -> t.contains("补发") && t.contains("lead")));

        new WebDriverWait(shopper, WAIT).until(d -> texts(d, ".xiaoer-msg[data-from='system']").stream()
                .anyMatch(t -> t.contains("重新发货")));
        assertThat(jdbc.queryForObject("select count(*) from shop_damage_sign_offs s join shop_damage_reports r on r.id = s.report_id "
                + "where r.conversation_id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select decided_by from shop_damage_reports where conversation_id = ?", String.class, id))
                .isEqualTo("lead");
    }

    private void choosePhoto(Path file) {
        WebElement input = shopper.findElement(By.id("xiaoer-file"));
        shopper.executeScript("arguments[0].hidden = false;", input);
        input.sendKeys(file.toAbsolutePath().toString());
    }
}
