package xiaoer.engine.shop;

/** A request that breaks a business rule (a closed ticket changed, a return moved out of order): HTTP 409. */
public class ShopRuleException extends RuntimeException {

    private final String code;

    public ShopRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
