package xiaoer.app.e2e;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Headless Debian Chromium driven by Selenium. No browser is downloaded: without chromium and chromium-driver the
 * browser tests skip with a message, except under {@code CI=true} where they must run.
 */
public final class Browsers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        Assumptions.assumeTrue(present, "browser tests skipped: install Debian's chromium and chromium-driver");
    }

    /**
     * Logs in through the log-in page's form and waits until the log-in went through: a page opened right after the
     * click would otherwise race the form's POST and could land on /login without a session.
     */
    public static void logIn(WebDriver d, String baseUrl, String user, String password) {
        d.get(baseUrl + "/login");
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("login-submit")).click();
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> !x.getCurrentUrl().contains("/login"));
    }

    static ChromeDriver open() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("xiaoer-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Types into the widget and presses send, as a shopper would. */
    static void say(WebDriver d, String text) {
        d.findElement(By.id("xiaoer-input")).sendKeys(text);
        d.findElement(By.id("xiaoer-send")).click();
    }

    /** Waits until at least {@code count} elements match {@code css}. */
    static void waitFor(WebDriver d, Duration wait, String css, int count) {
        new WebDriverWait(d, wait).until(x -> x.findElements(By.cssSelector(css)).size() >= count);
    }

    /** The trimmed texts of the elements matching {@code css}; empty while the page re-renders them. */
    static List<String> texts(WebDriver d, String css) {
        try {
            return d.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
        } catch (StaleElementReferenceException redrawn) {
            return List.of(); // the page re-rendered the list while we read it: the wait asks again
        }
    }

    /** Waits until one of the bot's messages in the widget contains {@code part}; a timeout shows the whole chat. */
    static void waitForBotSaying(WebDriver d, Duration wait, String part) {
        new WebDriverWait(d, wait)
                .withMessage(() -> "the bot never said «" + part + "»; the widget shows: "
                        + texts(d, ".xiaoer-msg"))
                .until(x -> texts(x, ".xiaoer-msg[data-from='bot']").stream().anyMatch(t -> t.contains(part)));
    }

    /** Clicks what {@code by} finds once it is there, finding it again if a re-render replaced it meanwhile. */
    static void click(WebDriver d, Duration wait, By by) {
        new WebDriverWait(d, wait).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(x -> {
                    x.findElement(by).click();
                    return true;
                });
    }
}
