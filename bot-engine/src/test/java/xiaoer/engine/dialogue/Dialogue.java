package xiaoer.engine.dialogue;

import java.util.List;
import java.util.Map;

/** One scripted conversation of a dialogue file: who says what, and what the service must do after each turn. */
record Dialogue(String file, int line, String title, Map<String, String> settings, List<Turn> turns) {

    /**
     * @param speaker  {@code shopper} or {@code agent}
     * @param expected key → value expectations on the outcome of this turn (see {@link DialogueFile})
     */
    record Turn(int line, String speaker, String text, Map<String, String> expected) {
    }
}
