package xiaoer.engine.shop.damage;

/**
 * An upload refused before anything was stored. Codes: {@code token} (missing, forged, expired or for another
 * conversation), {@code too_large}, {@code not_image}, {@code too_many}, {@code empty}.
 */
public class UploadRefusedException extends RuntimeException {

    private final String code;

    public UploadRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
