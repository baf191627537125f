package xiaoer.console.web;

/** Input a controller refuses before it reaches the engine: answered 400 with the code and message. */
public class BadRequestException extends RuntimeException {

    private final String code;

    public BadRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
