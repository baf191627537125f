package xiaoer.engine.training;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import xiaoer.kb.Script;

/** What differs between two versions of the knowledge base, by script id. */
public record ScriptDiff(List<String> added, List<String> removed, List<ScriptChange> changed) {

    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The changes that turn {@code before} into {@code after}. */
    public static ScriptDiff between(List<Script> before, List<Script> after) {
        Map<String, Script> old = byId(before);
        Map<String, Script> now = byId(after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<ScriptChange> changed = new ArrayList<>();
        for (Map.Entry<String, Script> e : now.entrySet()) {
            Script was = old.get(e.getKey());
            if (was == null) added.add(e.getKey());
            else {
                ScriptChange c = change(was, e.getValue());
                if (c != null) changed.add(c);
            }
        }
        for (String id : old.keySet()) if (!now.containsKey(id)) removed.add(id);
        return new ScriptDiff(added, removed, changed);
    }

    /** The fields that differ between two versions of one script; null when none. */
    public static ScriptChange change(Script was, Script now) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(was.lang(), now.lang())) fields.add("lang");
        if (!Objects.equals(blankToNull(was.category()), blankToNull(now.category()))) fields.add("category");
        if (!was.questions().equals(now.questions())) fields.add("questions");
        if (!Objects.equals(was.answer(), now.answer())) fields.add("answer");
        Set<String> types = new TreeSet<>(was.variants().keySet());
        types.addAll(now.variants().keySet());
        for (String t : types) {
            if (!Objects.equals(was.variants().get(t), now.variants().get(t))) fields.add("variants." + t);
        }
        if (!was.facts().equals(now.facts())) fields.add("facts");
        if (!was.quickReplies().equals(now.quickReplies())) fields.add("quickReplies");
        if (!was.tags().equals(now.tags())) fields.add("tags");
        Set<String> langs = new TreeSet<>(was.translations().keySet());
        langs.addAll(now.translations().keySet());
        for (String l : langs) {
            if (!Objects.equals(was.translations().get(l), now.translations().get(l))) fields.add("translations." + l);
        }
        if (fields.isEmpty()) return null;
        Set<String> addedQ = new LinkedHashSet<>(now.questions());
        was.questions().forEach(addedQ::remove);
        Set<String> removedQ = new LinkedHashSet<>(was.questions());
        now.questions().forEach(removedQ::remove);
        return new ScriptChange(now.id(), fields, List.copyOf(addedQ), List.copyOf(removedQ));
    }

    private static Map<String, Script> byId(List<Script> scripts) {
        Map<String, Script> out = new TreeMap<>();
        for (Script s : scripts) out.put(s.id(), s);
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
