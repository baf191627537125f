package xiaoer.engine.shop.damage;

import xiaoer.engine.shop.ShopRuleException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A damaged / missing / wrong-item case: the shopper's photos, the responsible people's sign-offs and then the shop's
 * decision, each with who and when. Immutable; {@code version} is the stored version (compare-and-set updates).
 */
public record DamageReport(String id, String shop, String conversationId, String visitorId, String orderNo,
                           DamageKind kind, String description, List<String> attachmentIds, String openedBy,
                           Instant openedAt, List<SignOff> signOffs, DamageDecision decision, String decisionNote,
                           String decidedBy, Instant decidedAt, int version) {

    public DamageReport {
        attachmentIds = List.copyOf(attachmentIds);
        signOffs = List.copyOf(signOffs);
    }

    public boolean decided() {
        return decision != null;
    }

    /** The required roles nobody has signed for yet, in the rules' order. */
    public List<String> missingSignOffs(DamageRules rules) {
        return rules.signOffRoles().stream()
                .filter(role -> signOffs.stream().noneMatch(s -> s.role().equals(role))).toList();
    }

    /** Signs in {@code role}: a required role not signed yet, by a person who has not signed in another role. */
    public DamageReport signOff(String role, String by, Instant at, String note, DamageRules rules) {
        if (decided()) throw new ShopRuleException("report_decided", "report " + id + " is decided already");
        if (!rules.signOffRoles().contains(role)) {
            throw new ShopRuleException("sign_off_role", role + " does not sign damage reports");
        }
        if (signOffs.stream().anyMatch(s -> s.role().equals(role))) {
            throw new ShopRuleException("signed_already", "report " + id + " is signed as " + role + " already");
        }
        if (signOffs.stream().anyMatch(s -> s.by().equals(by))) {
            throw new ShopRuleException("same_person", by + " has signed this report already; another person must sign");
        }
        List<SignOff> next = new ArrayList<>(signOffs);
        next.add(new SignOff(role, by, at, note));
        return new DamageReport(id, shop, conversationId, visitorId, orderNo, kind, description, attachmentIds,
                openedBy, openedAt, next, null, null, null, null, version);
    }

    /** Records the decision; only once every required role has signed. */
    public DamageReport decide(DamageDecision d, String note, String by, Instant at, DamageRules rules) {
        if (decided()) throw new ShopRuleException("report_decided", "report " + id + " is decided already");
        List<String> missing = missingSignOffs(rules);
        if (!missing.isEmpty()) {
            throw new ShopRuleException("sign_offs_missing", "report " + id + " still needs the sign-off of " + missing);
        }
        return new DamageReport(id, shop, conversationId, visitorId, orderNo, kind, description, attachmentIds,
                openedBy, openedAt, signOffs, d, note, by, at, version);
    }
}
