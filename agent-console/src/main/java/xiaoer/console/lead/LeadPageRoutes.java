package xiaoer.console.lead;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The lead's page at {@code /console/lead} (static files under {@code /lead/}). */
@Configuration(proxyBeanMethods = false)
public class LeadPageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/console/lead").setViewName("forward:/lead/index.html");
        registry.addViewController("/console/lead/").setViewName("forward:/lead/index.html");
    }
}
