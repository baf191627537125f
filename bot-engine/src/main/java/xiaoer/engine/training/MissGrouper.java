package xiaoer.engine.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import xiaoer.kb.analysis.TextNormalizer;

/**
 * Groups similar missed questions: two questions are alike when their character bigrams (after the knowledge base's
 * normalization: width, 繁→简, order numbers and prices as placeholders) or their analyzer tokens overlap enough
 * (Jaccard). Greedy, most recent first: a question joins the first group holding an alike question (the first
 * {@value #COMPARED_MEMBERS} members are compared, which keeps the work bounded).
 */
public final class MissGrouper {

    static final double BIGRAM_JACCARD = 0.5;
    static final double TOKEN_JACCARD = 0.6;
    static final int COMPARED_MEMBERS = 20;

    private final Function<String, List<String>> tokens;

    /** @param tokens the analyzer's tokens for a text ({@code KnowledgeBase::analyze}) */
    public MissGrouper(Function<String, List<String>> tokens) {
        this.tokens = tokens;
    }

    /** Misses ordered most recent first → groups ordered by size, then recency. */
    public List<Builder> group(List<Miss> misses) {
        List<Builder> groups = new ArrayList<>();
        for (Miss m : misses) {
            Set<String> bigrams = bigrams(m.question());
            Set<String> words = new HashSet<>(safeTokens(m.question()));
            Builder home = null;
            for (Builder g : groups) {
                if (g.alike(bigrams, words)) {
                    home = g;
                    break;
                }
            }
            if (home == null) groups.add(home = new Builder());
            home.add(m, bigrams, words);
        }
        groups.sort((a, b) -> a.members.size() != b.members.size() ? b.members.size() - a.members.size()
                : b.members.get(0).at().compareTo(a.members.get(0).at()));
        return groups;
    }

    private List<String> safeTokens(String text) {
        try {
            return tokens.apply(text);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static Set<String> bigrams(String text) {
        String t = TextNormalizer.forLexical(text == null ? "" : text).toLowerCase()
                .replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
        Set<String> out = new LinkedHashSet<>();
        if (t.length() == 1) out.add(t);
        for (int i = 0; i + 2 <= t.length(); i++) out.add(t.substring(i, i + 2));
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int common = 0;
        for (String s : a) if (b.contains(s)) common++;
        return (double) common / (a.size() + b.size() - common);
    }

    /** A group being built; {@link MissQueue} turns it into a {@link MissGroup}. */
    public static final class Builder {
        private final List<Set<String>> bigrams = new ArrayList<>();
        private final List<Set<String>> tokens = new ArrayList<>();
        final List<Miss> members = new ArrayList<>();

        void add(Miss m, Set<String> b, Set<String> t) {
            members.add(m);
            if (bigrams.size() < COMPARED_MEMBERS) {
                bigrams.add(b);
                tokens.add(t);
            }
        }

        boolean alike(Set<String> b, Set<String> t) {
            for (int i = 0; i < bigrams.size(); i++) {
                if (jaccard(bigrams.get(i), b) >= BIGRAM_JACCARD) return true;
                if (!t.isEmpty() && jaccard(tokens.get(i), t) >= TOKEN_JACCARD) return true;
            }
            return false;
        }

        public List<Miss> members() {
            return members;
        }
    }
}
