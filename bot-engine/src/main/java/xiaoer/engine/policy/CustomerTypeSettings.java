package xiaoer.engine.policy;

import java.util.EnumMap;
import java.util.Map;

/**
 * How the customer-type detector weighs its cues.
 *
 * @param recencyDecay   factor applied per message of age (the newest message counts 1, the one before
 *                       {@code recencyDecay}, …); in (0, 1]. Default 0.75: two old pushes fade after a few turns.
 * @param window         how many of the latest messages are read at all (default 10)
 * @param perMessageCap  most one message may add to one type before the decay (default 3): a long rant is one rant
 * @param thresholds     score from which a type is detected. Default 1.0, bargain 1.5
 * @param minMessages    messages with a cue a type needs. Default 1, bargain 2: one 能便宜点吗 is just a discount
 *                       question; a bargain-hunter is one who keeps pushing (seed 000)
 */
public record CustomerTypeSettings(double recencyDecay, int window, double perMessageCap,
                                   Map<CustomerType, Double> thresholds, Map<CustomerType, Integer> minMessages) {

    public CustomerTypeSettings {
        if (!(recencyDecay > 0 && recencyDecay <= 1)) throw new IllegalArgumentException("recencyDecay in (0,1]");
        if (window < 1) throw new IllegalArgumentException("window >= 1");
        if (perMessageCap <= 0) throw new IllegalArgumentException("perMessageCap > 0");
        thresholds = complete(thresholds, 1.0);
        minMessages = complete(minMessages, 1);
    }

    /** The defaults described on each component. */
    public static CustomerTypeSettings defaults() {
        return new CustomerTypeSettings(0.75, 10, 3.0, Map.of(CustomerType.BARGAIN, 1.5),
                Map.of(CustomerType.BARGAIN, 2));
    }

    public double threshold(CustomerType type) {
        return thresholds.get(type);
    }

    public int minMessages(CustomerType type) {
        return minMessages.get(type);
    }

    public CustomerTypeSettings withThreshold(CustomerType type, double threshold, int messages) {
        Map<CustomerType, Double> t = new EnumMap<>(thresholds);
        t.put(type, threshold);
        Map<CustomerType, Integer> m = new EnumMap<>(minMessages);
        m.put(type, messages);
        return new CustomerTypeSettings(recencyDecay, window, perMessageCap, t, m);
    }

    private static <V> Map<CustomerType, V> complete(Map<CustomerType, V> given, V fallback) {
        Map<CustomerType, V> all = new EnumMap<>(CustomerType.class);
        for (CustomerType t : CustomerType.values()) all.put(t, fallback);
        if (given != null) all.putAll(given);
        return Map.copyOf(all);
    }
}
