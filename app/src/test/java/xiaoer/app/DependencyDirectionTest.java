package xiaoer.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point from app inward: knowledge-base ← bot-engine ← channels, agent-console ← app. */
class DependencyDirectionTest {

    private static final String[] INFRASTRUCTURE = {
            "org.springframework..", "io.netty..", "com.corundumstudio..", "java.sql..", "javax.sql..",
            "org.redisson..", "redis.clients..", "jakarta.servlet.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("xiaoer");
    }

    @Test
    void knowledgeBaseIsPlainJavaAndKnowsNoOtherModule() {
        noClasses().that().resideInAPackage("xiaoer.kb..")
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .orShould().dependOnClassesThat().resideInAnyPackage("xiaoer.engine..", "xiaoer.channels..",
                        "xiaoer.console..", "xiaoer.app..")
                .check(classes);
    }

    @Test
    void botEngineIsPlainJavaAndKnowsOnlyTheKnowledgeBase() {
        noClasses().that().resideInAPackage("xiaoer.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .orShould().dependOnClassesThat().resideInAnyPackage("xiaoer.channels..", "xiaoer.console..",
                        "xiaoer.app..")
                .check(classes);
    }

    @Test
    void channelsKnowNeitherTheConsoleNorTheApp() {
        noClasses().that().resideInAPackage("xiaoer.channels..")
                .should().dependOnClassesThat().resideInAnyPackage("xiaoer.console..", "xiaoer.app..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void consoleKnowsNeitherTheChannelsNorTheApp() {
        noClasses().that().resideInAPackage("xiaoer.console..")
                .should().dependOnClassesThat().resideInAnyPackage("xiaoer.channels..", "xiaoer.app..")
                .check(classes);
    }

    @Test
    void theImportSeesEveryModule() {
        // guards the rules above against silently checking nothing
        for (String pkg : new String[]{"xiaoer.kb", "xiaoer.engine", "xiaoer.channels", "xiaoer.console", "xiaoer.app"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as("classes of %s imported", pkg).isTrue();
        }
    }
}
