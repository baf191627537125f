package xiaoer.engine.chat;

/** A request the engine refuses, with a stable code for clients and a text for people. */
public class ChatException extends RuntimeException {

    private final String code;

    public ChatException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
