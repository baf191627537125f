package xiaoer.engine.shop;

import org.junit.jupiter.api.Test;
import xiaoer.engine.shop.returns.IllegalTransitionException;
import xiaoer.engine.shop.returns.ReturnKind;
import xiaoer.engine.shop.returns.ReturnRequest;
import xiaoer.engine.shop.returns.ReturnState;
import xiaoer.engine.shop.returns.ReturnStep;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnRequestTests {

    private static final Instant T0 = Instant.parse("2026-11-05T08:00:00Z");

    private static ReturnRequest requested() {
        return new ReturnRequest("r1", "default", "E1", ReturnKind.REFUND, "too small", false, null,
                List.of(new ReturnStep(ReturnState.REQUESTED, "shopper:v1", T0, null)), 0);
    }

    @Test
    void wholeRefundPathRecordsWhoAndWhenAtEachStep() {
        ReturnRequest r = requested()
                .moveTo(ReturnState.APPROVED, "agent1", T0.plusSeconds(60), "ok")
                .moveTo(ReturnState.PARCEL_SENT_BACK, "shopper:v1", T0.plusSeconds(3600), "SF123")
                .moveTo(ReturnState.RECEIVED, "agent2", T0.plusSeconds(7200), null)
                .moveTo(ReturnState.REFUNDED, "agent2", T0.plusSeconds(7300), null);
        assertThat(r.state()).isEqualTo(ReturnState.REFUNDED);
        assertThat(r.steps()).extracting(ReturnStep::actor)
                .containsExactly("shopper:v1", "agent1", "shopper:v1", "agent2", "agent2");
        assertThat(r.updatedAt()).isEqualTo(T0.plusSeconds(7300));
    }

    @Test
    void receivedBeforeApprovalIsRefusedWithTheAllowedStates() {
        assertThatThrownBy(() -> requested().moveTo(ReturnState.RECEIVED, "agent1", T0, null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is REQUESTED and cannot move to RECEIVED")
                .hasMessageContaining("APPROVED").hasMessageContaining("REJECTED");
    }

    @Test
    void aRejectedReturnIsFinished() {
        ReturnRequest rejected = requested().moveTo(ReturnState.REJECTED, "agent1", T0, "used");
        assertThatThrownBy(() -> rejected.moveTo(ReturnState.APPROVED, "agent1", T0, null))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("finished");
    }

    @Test
    void anExchangeEndsExchanged() {
        ReturnRequest r = requested().moveTo(ReturnState.APPROVED, "a", T0, null)
                .moveTo(ReturnState.PARCEL_SENT_BACK, "a", T0, null).moveTo(ReturnState.RECEIVED, "a", T0, null)
                .moveTo(ReturnState.EXCHANGED, "a", T0, null);
        assertThat(r.state().isFinal()).isTrue();
    }
}
