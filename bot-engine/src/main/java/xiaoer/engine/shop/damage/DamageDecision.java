package xiaoer.engine.shop.damage;

/** The shop's decision once the report is signed off. */
public enum DamageDecision {
    /** 退款 */
    REFUND,
    /** 补发 / 重发 */
    RESEND,
    /** 不予处理 */
    REJECT
}
