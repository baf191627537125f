package xiaoer.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The xiaoer product in one process: widget server, bot, agent console and trainer workspace. */
@SpringBootApplication(scanBasePackages = {"xiaoer.app", "xiaoer.console"})
@ConfigurationPropertiesScan("xiaoer")
public class XiaoerApplication {

    public static void main(String[] args) {
        SpringApplication.run(XiaoerApplication.class, args);
    }
}
