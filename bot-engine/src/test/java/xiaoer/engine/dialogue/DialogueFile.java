package xiaoer.engine.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads dialogue files: whole conversations with the expected outcome of every turn, readable by trainers.
 *
 * <pre>
 * # comment
 * === 砍价型顾客一再要优惠            ← a new conversation and its title
 * with: known=true bought=true       ← optional settings (known buyer, has bought)
 *   expect: stage=greet menu=人工      ← expectations before the first turn are on the greeting sent on connect
 *   says: 欢迎光临
 * shopper: 能便宜点吗
 *   expect: decision=answer script=presale.discount type=-
 * shopper: 再便宜点，送个赠品吧
 *   expect: type=bargain variant=bargain lint=0
 *   says: 赠品                        ← the reply contains this text (repeatable)
 * agent: 我不知道                      ← an agent's reply (the conversation must be with an agent)
 *   expect: refused=lint rule=我不知道
 * wait: 90s                          ← time passes (the engine's waiting-shopper reminder runs)
 *   says: 请您稍等片刻
 * close:                             ← the agent ends the chat
 *   says: 欢迎再来
 * </pre>
 *
 * Settings of {@code with}: known (a signed-in customer), name (their name, default 王女士), bought (the customer
 * has paid orders: the farewell differs), hours=closed (no person on duty now).
 * <p>
 * Keys of {@code expect}: decision (answer|suggest|handoff), script (id, a family such as {@code aftersales.*},
 * or -), type (customer type or -), variant,
 * handoff (reason or -), stage (the bot's stage note, e.g. greet), menu (comma-separated labels the reply's quick
 * replies must include), status (bot|queued|agent|closed), lint (number of findings on every reply of the turn),
 * refused (lint: the agent's reply is blocked), rule (a rule id among the findings). {@code says} is checked on
 * every text the turn produced (bot, system, agent); {@code never:} is its opposite (the text must not appear).
 * A turn's text may be empty for {@code wait} and {@code close} only. Whatever a turn expects, the runner checks that
 * the service's own words (bot and system messages) have no lint finding, unless the turn names {@code lint=}.
 */
final class DialogueFile {

    private DialogueFile() {
    }

    static List<Dialogue> read(String file, Reader in) throws IOException {
        List<Dialogue> dialogues = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        String title = null;
        int titleLine = 0;
        Map<String, String> settings = new LinkedHashMap<>();
        List<Dialogue.Turn> turns = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.startsWith("===")) {
                if (title != null) dialogues.add(new Dialogue(file, titleLine, title, settings, turns));
                title = t.substring(3).strip();
                titleLine = n;
                settings = new LinkedHashMap<>();
                turns = new ArrayList<>();
            } else if (title == null) {
                throw new IOException(file + ":" + n + ": expected '=== title' before anything else");
            } else if (t.startsWith("with:")) {
                settings.putAll(pairs(file, n, t.substring(5)));
            } else if (t.startsWith("shopper:") || t.startsWith("agent:") || t.startsWith("wait:")
                    || t.startsWith("close:")) {
                int colon = t.indexOf(':');
                String speaker = t.substring(0, colon);
                String text = t.substring(colon + 1).strip();
                if (text.isEmpty() && (speaker.equals("shopper") || speaker.equals("agent"))) {
                    throw new IOException(file + ":" + n + ": an empty " + speaker + " turn");
                }
                if (speaker.equals("wait") && !text.matches("\\d+s")) {
                    throw new IOException(file + ":" + n + ": expected 'wait: <seconds>s', got '" + text + "'");
                }
                turns.add(new Dialogue.Turn(n, speaker, text, new LinkedHashMap<>()));
            } else if (t.startsWith("expect:") || t.startsWith("says:") || t.startsWith("never:")) {
                // before any turn: expectations on the greeting sent when the shopper connects
                if (turns.isEmpty()) turns.add(new Dialogue.Turn(n, "connect", "", new LinkedHashMap<>()));
                Map<String, String> expected = turns.get(turns.size() - 1).expected();
                if (t.startsWith("expect:")) {
                    expected.putAll(pairs(file, n, t.substring(7)));
                } else {
                    int colon = t.indexOf(':');
                    String text = t.substring(colon + 1).strip();
                    if (text.isEmpty()) throw new IOException(file + ":" + n + ": nothing to look for");
                    expected.merge(t.substring(0, colon), text, (a, b) -> a + "\u0000" + b);
                }
            } else {
                throw new IOException(file + ":" + n + ": cannot read '" + t + "'");
            }
        }
        if (title != null) dialogues.add(new Dialogue(file, titleLine, title, settings, turns));
        return dialogues;
    }

    private static Map<String, String> pairs(String file, int line, String text) throws IOException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : text.strip().split("\\s+")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IOException(file + ":" + line + ": expected key=value, got '" + part + "'");
            pairs.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return pairs;
    }
}
