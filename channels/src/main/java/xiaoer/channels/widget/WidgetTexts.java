package xiaoer.channels.widget;

import xiaoer.engine.text.ServiceTexts;

/** The widget channel's own shopper-facing texts (rate limits, overload, malformed requests), from a resource file. */
final class WidgetTexts {

    static final String RESOURCE = "/xiaoer/channels/widget-texts.properties";

    private WidgetTexts() {
    }

    static ServiceTexts load() {
        return ServiceTexts.load(RESOURCE);
    }
}
