package xiaoer.engine.chat;

/** Who wrote an event; the wire names are fixed by the widget protocol. */
public enum Sender {
    SHOPPER, BOT, AGENT, SYSTEM;

    public String wire() {
        return name().toLowerCase();
    }

    public static Sender fromWire(String s) {
        return valueOf(s.toUpperCase());
    }
}
