package xiaoer.engine.shop.returns;

/** What the shopper asks for. */
public enum ReturnKind {
    /** 退货退款 */
    REFUND,
    /** 换货 */
    EXCHANGE
}
