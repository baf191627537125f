package xiaoer.engine.training;

import java.util.function.Supplier;

/** Runs work that spans several stores (a release, its audit entry, the draft reset) all or nothing. */
@FunctionalInterface
public interface TrainingTransactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
