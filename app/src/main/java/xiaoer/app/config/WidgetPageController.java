package xiaoer.app.config;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tells the demo page's widget where the widget port is ({@code xiaoer.widget.port}, or a public URL behind a proxy). */
@RestController
class WidgetPageController {

    private final XiaoerProperties properties;

    WidgetPageController(XiaoerProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/widget/config.json")
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("port", properties.widget().port());
        if (properties.widget().publicUrl() != null && !properties.widget().publicUrl().isBlank()) {
            config.put("url", properties.widget().publicUrl());
        }
        return config;
    }
}
