package xiaoer.console.agent;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manuals' standard phrases as canned replies (resource {@code canned-replies.txt}, and
 * {@code canned-replies_en.txt} for shoppers who write in English); the console finds them by typing {@code /} and a
 * shortcut or keyword. Variables are filled per conversation.
 */
@Component
public class CannedReplies {

    private static final String RESOURCE = "/xiaoer/console/agent/canned-replies";

    /** One canned reply: {@code shortcut} (e.g. wait), keywords, the text with its variables. */
    public record Canned(String shortcut, List<String> keywords, String text) {

        Canned fill(Map<String, String> values) {
            String filled = text;
            for (Map.Entry<String, String> v : values.entrySet()) filled = filled.replace(v.getKey(), v.getValue());
            return new Canned(shortcut, keywords, filled);
        }
    }

    private final List<Canned> chinese = load(RESOURCE + ".txt");
    private final List<Canned> english = load(RESOURCE + "_en.txt");

    /**
     * Every reply in the shopper's language ({@code en}: the English ones, Chinese otherwise) with {@code {客户名}},
     * {@code {订单号}}, {@code {客服名}} replaced; a nameless shopper is 亲, or "there" in English.
     */
    public List<Canned> filled(String lang, String customerName, String orderNo, String agentName) {
        boolean en = "en".equals(lang) && !english.isEmpty();
        String name = customerName == null || customerName.isBlank() ? (en ? "there" : "亲") : customerName;
        Map<String, String> values = Map.of("{客户名}", name, "{订单号}", orderNo == null ? "" : orderNo,
                "{客服名}", agentName == null ? "" : agentName);
        return (en ? english : chinese).stream().map(c -> c.fill(values)).toList();
    }

    private static List<Canned> load(String resource) {
        try (InputStream in = CannedReplies.class.getResourceAsStream(resource)) {
            if (in == null) return List.of();
            List<Canned> replies = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] parts = l.split("\\|", 3);
                if (parts.length < 3) continue;
                replies.add(new Canned(parts[0].strip(), List.of(parts[1].strip().split("\\s+")), parts[2].strip()));
            }
            return List.copyOf(replies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
