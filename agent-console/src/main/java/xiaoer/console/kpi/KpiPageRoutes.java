package xiaoer.console.kpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The lead's KPI page at {@code /console/lead/kpi} (lead-only like the lead view); {@code /console/kpi} leads there. */
@Configuration(proxyBeanMethods = false)
public class KpiPageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/console/lead/kpi").setViewName("forward:/lead/kpi.html");
        registry.addRedirectViewController("/console/kpi", "/console/lead/kpi");
    }
}
