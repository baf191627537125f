package xiaoer.app.config;

import com.corundumstudio.socketio.store.StoreFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import xiaoer.channels.widget.ShopSecrets;
import xiaoer.channels.widget.WidgetServer;
import xiaoer.channels.widget.WidgetSettings;
import xiaoer.engine.chat.ChatEngine;

/** Starts the widget's socket.io server with the application and stops it first on shutdown. */
@Configuration(proxyBeanMethods = false)
public class WidgetConfiguration {

    @Bean
    WidgetServer widgetServer(ChatEngine engine, XiaoerProperties properties, MeterRegistry metrics,
                              ObjectProvider<StoreFactory> storeFactory) {
        XiaoerProperties.Widget w = properties.widget();
        WidgetSettings defaults = WidgetSettings.defaults();
        WidgetSettings settings = new WidgetSettings(w.host(), w.port(), w.allowedOrigins(),
                defaults.maxFramePayloadBytes(), defaults.maxHttpContentBytes(), defaults.workerThreads(),
                defaults.queueCapacityPerWorker(), defaults.pingIntervalMs(), defaults.pingTimeoutMs(),
                w.messagesPerMinutePerVisitor(), w.messagesPerMinutePerIp(), w.trustForwardedFor(),
                w.newConversationsPerHourPerIp());
        // netty-socketio's client store: in memory unless cluster mode asks for Redisson (xiaoer.cluster.widget-store)
        return new WidgetServer(engine, settings, ShopSecrets.of(w.secrets()), metrics, storeFactory.getIfAvailable());
    }

    /**
     * The widget's script and style say they are UTF-8: a shop page in another encoding (or none declared) would
     * otherwise decode their Chinese and the ellipses as that encoding.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> utf8ScriptsAndStyles() {
        return factory -> {
            MimeMappings mappings = new MimeMappings(MimeMappings.DEFAULT);
            mappings.add("js", "text/javascript;charset=utf-8");
            mappings.add("css", "text/css;charset=utf-8");
            factory.setMimeMappings(mappings);
        };
    }

    @Bean
    SmartLifecycle widgetServerLifecycle(WidgetServer server) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                server.start();
            }

            @Override
            public void stop() {
                server.stop();
            }

            @Override
            public boolean isRunning() {
                return server.isRunning();
            }
        };
    }
}
