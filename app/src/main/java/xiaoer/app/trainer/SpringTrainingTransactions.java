package xiaoer.app.trainer;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.training.TrainingTransactions;

/** The training rules' transactions on Spring's: nested calls join the outer transaction. */
public final class SpringTrainingTransactions implements TrainingTransactions {

    private final TransactionTemplate tx;

    public SpringTrainingTransactions(TransactionTemplate tx) {
        this.tx = tx;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
