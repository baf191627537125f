package xiaoer.console.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The staff pages are static files; these routes give them their short addresses. */
@Configuration(proxyBeanMethods = false)
public class PageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/console").setViewName("forward:/console/index.html");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
        registry.addViewController("/trainer").setViewName("forward:/trainer/index.html");
        registry.addViewController("/trainer/").setViewName("forward:/trainer/index.html");
    }
}
