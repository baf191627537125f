package xiaoer.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The service's own sentences (greeting, hand-off, farewell, errors), kept in a resource file so trainers can reword
 * them without touching code. Placeholders look like {@code {name}}. Chinese is the default; a file beside it named
 * {@code <name>_en.properties} holds the English sentences, and a key missing there is said in Chinese.
 */
public final class ServiceTexts {

    public static final String DEFAULT_LANG = "zh";
    /** Languages that may have a file of their own beside the default one. */
    public static final List<String> OTHER_LANGS = List.of("en");
    /** Every language the service may speak, the default first. */
    public static final List<String> LANGS = List.of(DEFAULT_LANG, "en");

    private static final String DEFAULT_RESOURCE = "/xiaoer/engine/texts.properties";
    private final String lang;
    private final Properties texts;
    /** The default language's texts; null for the default itself. */
    private final ServiceTexts fallback;
    /** Every loaded language, this one included (shared by all of them). */
    private final Map<String, ServiceTexts> languages;
    private volatile DateTimeFormatter timeFormat;

    private ServiceTexts(String lang, Properties texts, ServiceTexts fallback, Map<String, ServiceTexts> languages) {
        this.lang = lang;
        this.texts = texts;
        this.fallback = fallback;
        this.languages = languages;
    }

    public static ServiceTexts load() {
        return load(DEFAULT_RESOURCE);
    }

    public static ServiceTexts load(String resource) {
        Properties main = read(resource);
        if (main == null) throw new IllegalStateException("missing resource " + resource);
        Map<String, ServiceTexts> languages = new LinkedHashMap<>();
        ServiceTexts base = new ServiceTexts(DEFAULT_LANG, main, null, languages);
        languages.put(DEFAULT_LANG, base);
        for (String other : OTHER_LANGS) {
            Properties p = read(resource.replaceFirst("\\.properties$", "_" + other + ".properties"));
            if (p != null) languages.put(other, new ServiceTexts(other, p, base, languages));
        }
        return base;
    }

    private static Properties read(String resource) {
        try (InputStream in = ServiceTexts.class.getResourceAsStream(resource)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts in {@code lang} ({@code "zh"}, {@code "en"}); the default language for null or one not loaded. */
    public ServiceTexts in(String lang) {
        ServiceTexts texts = lang == null ? null : languages.get(lang);
        return texts != null ? texts : languages.get(DEFAULT_LANG);
    }

    public String lang() {
        return lang;
    }

    /** The keys this language's own file sets (not those it borrows from the default). */
    public java.util.Set<String> ownKeys() {
        return texts.stringPropertyNames();
    }

    public String get(String key) {
        String value = texts.getProperty(key);
        if (value == null && fallback != null) return fallback.get(key);
        if (value == null) throw new IllegalArgumentException("no service text " + key);
        return value;
    }

    /** A moment as this language writes it ({@code format.time}: 12月7日 03:15, Dec 7, 03:15). */
    public String time(TemporalAccessor at) {
        DateTimeFormatter f = timeFormat;
        if (f == null) { // built on first use: not every texts file has a format.time
            timeFormat = f = DateTimeFormatter.ofPattern(get("format.time"), Locale.forLanguageTag(lang));
        }
        return f.format(at);
    }

    public String get(String key, Map<String, ?> args) {
        String value = get(key);
        for (Map.Entry<String, ?> a : args.entrySet()) {
            value = value.replace("{" + a.getKey() + "}", String.valueOf(a.getValue()));
        }
        return value;
    }
}
