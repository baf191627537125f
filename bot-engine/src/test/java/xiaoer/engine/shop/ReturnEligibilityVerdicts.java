package xiaoer.engine.shop;

import xiaoer.engine.shop.orders.Order;
import xiaoer.engine.shop.returns.ReturnEligibility;
import xiaoer.engine.shop.returns.ReturnPolicy;

import java.time.Instant;

final class ReturnEligibilityVerdicts {

    private ReturnEligibilityVerdicts() {
    }

    static ReturnEligibility.Verdict verdict(ReturnPolicy policy, Order order, Instant now) {
        return policy.evaluate(order, now).verdict();
    }
}
