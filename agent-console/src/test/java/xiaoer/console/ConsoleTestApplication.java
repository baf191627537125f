package xiaoer.console;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import xiaoer.engine.bot.Bot;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.EngineSettings;
import xiaoer.engine.chat.EventBus;
import xiaoer.engine.chat.InMemoryConversationStore;
import xiaoer.engine.chat.InProcessEventBus;
import xiaoer.engine.policy.OpeningHours;
import xiaoer.engine.text.ServiceTexts;
import xiaoer.kb.KnowledgeBase;
import xiaoer.kb.Linter;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console on a real engine (in-memory store, in-process bus) with the real bot, knowledge base and lint: what
 * the app wires with JDBC, minus the database.
 */
@SpringBootApplication
// the shop integration has its own engine services and tests; these tests are about the console alone
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "xiaoer\\.console\\.shop\\..*"))
public class ConsoleTestApplication {

    public static final String PASSWORD = "secret-pw";

    private static final Map<String, String> NAMES = Map.of("agent", "小美", "agent2", "小林", "lead", "王组长",
            "trainer", "陈训练师", "admin", "管理员");

    @Bean
    InMemoryConversationStore conversationStore() {
        return new InMemoryConversationStore();
    }

    @Bean
    EventBus eventBus() {
        return new InProcessEventBus();
    }

    @Bean
    Linter linter() {
        return new Linter();
    }

    @Bean
    KnowledgeBase knowledgeBase() {
        return KnowledgeBase.create(KnowledgeBase.builtinScripts());
    }

    @Bean
    Bot bot(KnowledgeBase kb, Linter linter) {
        return Bot.withDefaults(kb, linter, ServiceTexts.load());
    }

    @Bean
    ChatEngine chatEngine(InMemoryConversationStore store, Bot bot, Linter linter, EventBus bus) {
        return new ChatEngine(store, bot, linter, bus, ServiceTexts.load(), Clock.systemUTC(),
                EngineSettings.defaults().withHumanHours(OpeningHours.aroundTheClock(ZoneOffset.UTC)),
                new SimpleMeterRegistry());
    }

    @Bean
    UserDetailsService users(PasswordEncoder encoder) {
        String hash = encoder.encode(PASSWORD);
        return new InMemoryUserDetailsManager(
                User.withUsername("agent").password(hash).roles("AGENT").build(),
                User.withUsername("agent2").password(hash).roles("AGENT").build(),
                User.withUsername("lead").password(hash).roles("LEAD").build(),
                User.withUsername("trainer").password(hash).roles("TRAINER").build(),
                User.withUsername("admin").password(hash).roles("ADMIN").build());
    }

    @Bean
    AgentDirectory agentDirectory() {
        return username -> Optional.ofNullable(NAMES.get(username))
                .map(name -> new AgentProfile(username, name, Set.of()));
    }
}
