package xiaoer.console.agent;

/** Request bodies of the console's REST calls. */
final class ConsoleRequests {

    private ConsoleRequests() {
    }

    /** A reply or a note. */
    record Text(String text) {
    }

    /** The agent started ({@code on}) or stopped typing. */
    record Typing(Boolean on) {
    }
}
