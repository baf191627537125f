package xiaoer.engine.shop.damage;

/** What went wrong with a delivery (domain.md §8). */
public enum DamageKind {
    /** 收到是坏的 */
    DAMAGED,
    /** 少件 / 漏发 */
    MISSING,
    /** 发错货 */
    WRONG_ITEM
}
