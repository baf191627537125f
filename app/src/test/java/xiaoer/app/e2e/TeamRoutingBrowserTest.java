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
import org.springframework.test.annotation.DirtiesContext;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.Conversation;
import xiaoer.engine.chat.ConversationStatus;
import xiaoer.engine.chat.Staffing;
import xiaoer.engine.chat.Survey;
import xiaoer.engine.routing.AgentStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static xiaoer.app.e2e.Browsers.click;
import static xiaoer.app.e2e.Browsers.say;
import static xiaoer.app.e2e.Browsers.texts;

/**
 * Issue 7 in real browsers: two agents and three shoppers. Routing spreads the three chats over both agents, one agent
 * transfers a chat to the other with a note the other sees, a closed chat's satisfaction survey reaches the shopper
 * and their answer is stored, and the lead's page shows the conversations live.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS) // a fresh application: its charts count from zero
class TeamRoutingBrowserTest extends EndToEndTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ChatEngine engine;

    @Autowired
    Staffing staffing;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    /** Loads before the test: other tests share the application, so loads are checked as differences. */
    private Map<String, Long> loadsAtStart;

    @BeforeEach
    void nobodyWaitsOrIsServed() {
        Browsers.assumeInstalled();
        endOpenChats();
        loadsAtStart = loads();
    }

    private Map<String, Long> loads() {
        return staffing.router().agents().stream().collect(Collectors.toMap(a -> a.id(), a -> (long) a.load()));
    }

    /** Tests share one application: chats left open by one must not be routed into the next. */
    private void endOpenChats() {
        for (ConversationStatus s : List.of(ConversationStatus.QUEUED, ConversationStatus.AGENT)) {
            for (Conversation c : engine.conversations(s)) {
                staffing.router().closed(c.id());
                jdbc.update("update conversations set status = 'CLOSED' where id = ?", c.id());
            }
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        endOpenChats();
        for (String agent : List.of("agent", "agent2")) {
            if (staffing.seats().seat(agent).isPresent()) engine.changeSeat(agent, AgentStatus.OFFLINE, null);
        }
    }

    @Test
    void twoAgentsThreeShoppersTransferSurveyAndTheLeadWatching() throws Exception {
        ChromeDriver xiaomei = console("agent", "agent123");
        ChromeDriver xiaolin = console("agent2", "agent123");
        ChromeDriver lead = open();
        Browsers.logIn(lead, baseUrl(), "lead", "lead123");
        lead.get(baseUrl() + "/console/lead");
        new WebDriverWait(lead, WAIT).until(d -> "connected".equals(
                d.findElement(By.id("connection-status")).getDomAttribute("data-state")));

        List<ChromeDriver> shoppers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ChromeDriver shopper = open();
            shopper.get(baseUrl() + "/");
            new WebDriverWait(shopper, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("xiaoer-launcher")))
                    .click();
            waitForTexts(shopper, ".xiaoer-msg[data-from='bot']", t -> true);
            say(shopper, "转人工");
            // assigned at once: the manuals' "不好意思让您久等了" with the agent's name
            waitForTexts(shopper, ".xiaoer-msg[data-from='system']", t -> t.contains("不好意思让您久等了"));
            shoppers.add(shopper);
        }

        // assignment spreads across both agents (least loaded first)
        Set<String> names = shoppers.stream().map(s -> joinedAgent(s)).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrder("小美", "小林");
        new WebDriverWait(xiaomei, WAIT).until(d -> d.findElements(By.cssSelector("#mine .mine-item")).size() >= 1);
        new WebDriverWait(xiaolin, WAIT).until(d -> d.findElements(By.cssSelector("#mine .mine-item")).size() >= 1);

        // the lead sees the three conversations live, with their agents
        new WebDriverWait(lead, WAIT).until(d -> d.findElements(
                By.cssSelector("#live-table .live-row[data-status='agent']")).size() == 3);

        // 小林 transfers their chat to 小美 with a note; 小美 sees the note in the history
        // (counted relative to now: other tests share this application and may have left chats behind)
        int meiBefore = xiaomei.findElements(By.cssSelector("#mine .mine-item")).size();
        int linBefore = xiaolin.findElements(By.cssSelector("#mine .mine-item")).size();
        click(xiaolin, WAIT, By.cssSelector("#mine .mine-item"));
        new WebDriverWait(xiaolin, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("transfer-btn"))).click();
        new WebDriverWait(xiaolin, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-dialog")));
        new WebDriverWait(xiaolin, WAIT).until(d -> new Select(d.findElement(By.id("transfer-target"))).getOptions()
                .stream().anyMatch(o -> "agent:agent".equals(o.getDomAttribute("value"))));
        new Select(xiaolin.findElement(By.id("transfer-target"))).selectByValue("agent:agent");
        xiaolin.findElement(By.id("transfer-note")).sendKeys("顾客要开发票，请帮忙跟进");
        xiaolin.findElement(By.id("transfer-confirm")).click();
        new WebDriverWait(xiaomei, WAIT).until(d -> d.findElements(By.cssSelector("#mine .mine-item")).size() == meiBefore + 1);
        new WebDriverWait(xiaolin, WAIT).until(d -> d.findElements(By.cssSelector("#mine .mine-item")).size() == linBefore - 1);
        boolean noteSeen = false;
        List<String> ids = xiaomei.findElements(By.cssSelector("#mine .mine-item")).stream()
                .map(e -> e.getDomAttribute("data-id")).toList();
        for (String id : ids) {
            click(xiaomei, WAIT, By.cssSelector("#mine .mine-item[data-id='" + id + "']"));
            try {
                new WebDriverWait(xiaomei, Duration.ofSeconds(5)).until(d -> texts(d, "#history .msg.internal")
                        .stream().anyMatch(t -> t.contains("顾客要开发票")));
                noteSeen = true;
                break;
            } catch (org.openqa.selenium.TimeoutException notThisOne) {
                // the next conversation
            }
        }
        assertThat(noteSeen).as("小美 sees 小林's transfer note").isTrue();
        // the shopper never sees it, and hears that a colleague took over
        assertThat(shoppers.stream().flatMap(s -> texts(s, ".xiaoer-msg").stream())).noneMatch(t -> t.contains("开发票"));

        // 小美 closes the open chat: its shopper gets the survey and answers 满意
        String closing = new WebDriverWait(xiaomei, WAIT).until(d -> d.findElements(
                By.cssSelector("#mine .mine-item.selected")).stream().map(e -> e.getDomAttribute("data-id"))
                .findFirst().orElse(null));
        new WebDriverWait(xiaomei, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("close-btn")));
        xiaomei.findElement(By.id("close-btn")).click();
        xiaomei.switchTo().alert().accept();
        Conversation closed = engine.conversation(closing).orElseThrow();
        ChromeDriver surveyed = shoppers.stream().filter(s -> visitorOf(s).equals(closed.visitorId())).findFirst()
                .orElseThrow();
        WebElement satisfied = new WebDriverWait(surveyed, WAIT).until(d -> d.findElements(
                By.cssSelector(".xiaoer-quick-reply")).stream().filter(b -> b.getText().contains("满意")
                && !b.getText().contains("不满意")).reduce((a, b) -> b).orElse(null));
        satisfied.click();
        waitForTexts(surveyed, ".xiaoer-msg[data-from='system']", t -> t.contains("感谢您的评价"));
        List<ChatEvent> history = engine.history(closing);
        assertThat(history).anyMatch(e -> Survey.SATISFIED.equals(e.meta().get(Survey.META_KEY))
                && Survey.ANSWER_STAGE.equals(e.meta().get("stage")));
        assertThat(engine.conversation(closing).orElseThrow().status()).isEqualTo(ConversationStatus.CLOSED);

        // the lead's live list follows: two chats left, both with 小美; the charts count the answer
        new WebDriverWait(lead, WAIT).until(d -> d.findElements(
                By.cssSelector("#live-table .live-row[data-status='agent']")).size() == 2);
        new WebDriverWait(lead, WAIT).until(d -> texts(d, "#live-table .live-row[data-status='agent'] .agent").stream()
                .allMatch(t -> t.equals("小美")));
        new Select(lead.findElement(By.id("chart-bucket"))).selectByValue("5");
        new WebDriverWait(lead, WAIT).until(d -> "1".equals(
                d.findElement(By.id("chart-satisfaction")).getDomAttribute("data-answers")));

        // the lead watches one read-only and whispers to the agent: 小美 sees it, no shopper does
        click(lead, WAIT, By.cssSelector("#live-table .live-row .watch-btn"));
        new WebDriverWait(lead, WAIT).until(d -> !d.findElements(By.cssSelector("#watch-history .msg")).isEmpty());
        new WebDriverWait(lead, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("whisper-input")))
                .sendKeys("记得确认发票抬头");
        lead.findElement(By.id("whisper-send")).click();
        new WebDriverWait(lead, WAIT).until(d -> texts(d, "#watch-history .msg.internal").stream()
                .anyMatch(t -> t.contains("记得确认发票抬头")));
        assertThat(shoppers.stream().flatMap(s -> texts(s, ".xiaoer-msg").stream()))
                .noneMatch(t -> t.contains("发票抬头"));
        Map<String, Long> loads = loads();
        assertThat(loads.getOrDefault("agent", 0L) - loadsAtStart.getOrDefault("agent", 0L)).as("小美's load").isEqualTo(2);
        assertThat(loads.getOrDefault("agent2", 0L) - loadsAtStart.getOrDefault("agent2", 0L)).as("小林's load").isZero();
    }

    private ChromeDriver console(String user, String password) throws Exception {
        ChromeDriver d = open();
        Browsers.logIn(d, baseUrl(), user, password);
        d.get(baseUrl() + "/console");
        new WebDriverWait(d, WAIT).until(x -> "connected".equals(
                x.findElement(By.id("connection-status")).getDomAttribute("data-state")));
        new WebDriverWait(d, WAIT).until(x -> staffing.seats().seat(user)
                .map(s -> s.status() == AgentStatus.ONLINE).orElse(false));
        return d;
    }

    private ChromeDriver open() throws Exception {
        ChromeDriver d = Browsers.open();
        browsers.add(d);
        return d;
    }

    private static String joinedAgent(WebDriver shopper) {
        String joined = texts(shopper, ".xiaoer-msg[data-from='system']").stream()
                .filter(t -> t.contains("不好意思让您久等了")).findFirst().orElseThrow();
        return joined.contains("小美") ? "小美" : joined.contains("小林") ? "小林" : joined;
    }

    private static String visitorOf(ChromeDriver shopper) {
        Object v = shopper.executeScript("return window.localStorage.getItem('xiaoer:default:visitor');");
        String s = String.valueOf(v);
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static void waitForTexts(WebDriver d, String css, java.util.function.Predicate<String> match) {
        new WebDriverWait(d, WAIT).until(x -> texts(x, css).stream().anyMatch(match));
    }
}
