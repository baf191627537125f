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
 * The manuals' standard phrases as canned replies (resource {@code canned-replies.txt}); the console finds them by
 * typing {@code /} and a shortcut or keyword. Variables are filled per conversation.
 */
@Component
public class CannedReplies {

    /** One canned reply: {@code shortcut} (e.g. wait), Chinese keywords, the text with its variables. */
    public record Canned(String shortcut, List<String> keywords, String text) {

        Canned fill(Map<String, String> values) {
            String filled = text;
            for (Map.Entry<String, String> v : values.entrySet()) filled = filled.replace(v.getKey(), v.getValue());
            return new Canned(shortcut, keywords, filled);
        }
    }

    private final List<Canned> all = load();

    public List<Canned> all() {
        return all;
    }

    /** Every reply with {@code {客户名}}, {@code {订单号}}, {@code {客服名}} replaced. */
    public List<Canned> filled(String customerName, String orderNo, String agentName) {
        Map<String, String> values = Map.of("{客户名}", customerName == null || customerName.isBlank() ? "亲" : customerName,
                "{订单号}", orderNo == null ? "" : orderNo, "{客服名}", agentName == null ? "" : agentName);
        return all.stream().map(c -> c.fill(values)).toList();
    }

    private static List<Canned> load() {
        try (InputStream in = CannedReplies.class.getResourceAsStream("/xiaoer/console/agent/canned-replies.txt")) {
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
