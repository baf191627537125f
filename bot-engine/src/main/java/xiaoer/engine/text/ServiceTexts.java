package xiaoer.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The service's own sentences (greeting, hand-off, farewell, errors), kept in a resource file so trainers can reword
 * them without touching code. Placeholders look like {@code {name}}.
 */
public final class ServiceTexts {

    private static final String DEFAULT_RESOURCE = "/xiaoer/engine/texts.properties";
    private final Properties texts;

    private ServiceTexts(Properties texts) {
        this.texts = texts;
    }

    public static ServiceTexts load() {
        return load(DEFAULT_RESOURCE);
    }

    public static ServiceTexts load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ServiceTexts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceTexts(p);
    }

    public String get(String key) {
        String value = texts.getProperty(key);
        if (value == null) throw new IllegalArgumentException("no service text " + key);
        return value;
    }

    public String get(String key, Map<String, ?> args) {
        String value = get(key);
        for (Map.Entry<String, ?> a : args.entrySet()) {
            value = value.replace("{" + a.getKey() + "}", String.valueOf(a.getValue()));
        }
        return value;
    }
}
