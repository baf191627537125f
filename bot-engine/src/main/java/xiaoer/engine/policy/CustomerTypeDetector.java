package xiaoer.engine.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import xiaoer.kb.lint.HanFolding;
import xiaoer.kb.semantic.LruCache;

/**
 * Detects the customer type from the shopper's messages so far (domain.md §2), with the cues that led there.
 * <p>
 * Each message adds the weights of the cues it contains (each cue once per message, at most
 * {@link CustomerTypeSettings#perMessageCap()}), multiplied by {@code recencyDecay^age}, so the latest messages count
 * most and a type fades when the shopper stops showing it. A type is detected when its score reaches its threshold in
 * at least {@code minMessages} messages. When several qualify, {@code angry} wins (it changes who answers: a person,
 * early), otherwise the highest score. Pure and thread-safe.
 * <pre>{@code
 * CustomerTypeResult r = new CustomerTypeDetector().detect(List.of("能便宜点吗", "再便宜点吧，包邮呗"));
 * r.type(); // "bargain"
 * }</pre>
 */
public final class CustomerTypeDetector {

    private final CustomerTypeSettings settings;
    private final CustomerTypeCues cues;
    private final HanFolding folding = HanFolding.standard();
    /** Cue matches of recently read messages (see {@link #cueSpans}). */
    private final LruCache<String, int[]> spans = new LruCache<>(SPANS_CACHED);
    private static final int SPANS_CACHED = 8_192;

    public CustomerTypeDetector() {
        this(CustomerTypeSettings.defaults(), CustomerTypeCues.standard());
    }

    public CustomerTypeDetector(CustomerTypeSettings settings, CustomerTypeCues cues) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cues = Objects.requireNonNull(cues, "cues");
    }

    /**
     * @param messages the shopper's messages, oldest first (null entries are skipped; null list = none)
     * @return the detected type, or a result with a null type
     */
    public CustomerTypeResult detect(List<String> messages) {
        Map<CustomerType, Tally> tallies = new EnumMap<>(CustomerType.class);
        for (CustomerType t : CustomerType.values()) tallies.put(t, new Tally());
        int n = messages == null ? 0 : messages.size();
        for (int i = Math.max(0, n - settings.window()); i < n; i++) {
            String message = messages.get(i);
            if (message == null || message.isBlank()) continue;
            double decay = Math.pow(settings.recencyDecay(), n - 1 - i);
            readMessage(message, i, decay, tallies);
        }
        return conclude(tallies);
    }

    private void readMessage(String message, int index, double decay, Map<CustomerType, Tally> tallies) {
        int[] spans = cueSpans(message);
        List<CustomerTypeCues.Cue> all = cues.cues();
        Map<CustomerType, Double> added = new EnumMap<>(CustomerType.class);
        List<CustomerTypeCue> counted = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            CustomerTypeCues.Cue cue = all.get(c);
            int start = spans[2 * c];
            int end = spans[2 * c + 1];
            if (start < 0 || overlapsCounted(counted, cue.type(), start, end)) continue;
            double sofar = added.getOrDefault(cue.type(), 0.0);
            double weight = Math.min(cue.weight(), settings.perMessageCap() - sofar);
            if (weight <= 0) continue;
            added.put(cue.type(), sofar + weight);
            CustomerTypeCue found = new CustomerTypeCue(cue.type().wire(), message.substring(start, end),
                    index, start, end, weight * decay);
            counted.add(found);
            tallies.get(cue.type()).cues.add(found);
        }
        added.forEach((type, weight) -> {
            Tally tally = tallies.get(type);
            tally.score += weight * decay;
            tally.messages++;
        });
    }

    /**
     * Where each cue first matches in {@code message} (start, end; -1 when it does not). The detector reads the last
     * {@code window} messages again at every answer, so a message's matches are remembered (they depend on its text
     * alone) instead of running every cue's pattern over it up to {@code window} times.
     */
    private int[] cueSpans(String message) {
        int[] spans = this.spans.get(message);
        if (spans != null) return spans;
        String folded = folding.fold(message);
        List<CustomerTypeCues.Cue> all = cues.cues();
        spans = new int[2 * all.size()];
        for (int c = 0; c < all.size(); c++) {
            Matcher m = all.get(c).pattern().matcher(folded);
            boolean found = m.find();
            spans[2 * c] = found ? m.start() : -1;
            spans[2 * c + 1] = found ? m.end() : -1;
        }
        this.spans.put(message, spans);
        return spans;
    }

    /** Two cue lines hitting the same words (能便宜 / 便宜点 in 能便宜点吗) count once. */
    private static boolean overlapsCounted(List<CustomerTypeCue> counted, CustomerType type, int start, int end) {
        for (CustomerTypeCue c : counted) {
            if (c.type().equals(type.wire()) && c.start() < end && start < c.end()) return true;
        }
        return false;
    }

    private CustomerTypeResult conclude(Map<CustomerType, Tally> tallies) {
        Map<String, Double> scores = new LinkedHashMap<>();
        CustomerType best = null;
        for (CustomerType type : CustomerType.values()) {
            Tally tally = tallies.get(type);
            scores.put(type.wire(), round(tally.score));
            boolean qualifies = tally.score >= settings.threshold(type) - 1e-9
                    && tally.messages >= settings.minMessages(type);
            if (!qualifies) continue;
            if (best == null || type == CustomerType.ANGRY
                    || (best != CustomerType.ANGRY && tally.score > tallies.get(best).score)) {
                best = type;
            }
        }
        if (best == null) return CustomerTypeResult.none(scores);
        Tally winner = tallies.get(best);
        return new CustomerTypeResult(best.wire(), round(winner.score), winner.cues, scores);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Running score of one type. */
    private static final class Tally {
        double score;
        int messages;
        final List<CustomerTypeCue> cues = new ArrayList<>();
    }
}
