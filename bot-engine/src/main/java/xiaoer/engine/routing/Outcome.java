package xiaoer.engine.routing;

import java.util.Objects;
import java.util.Optional;

/** The result of a request that business rules may refuse: either done with a value or refused with the reason. */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    record Done<T>(T result) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }

    record Refused<T>(Refusal reason) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(RefusalCode reason, Object... namesAndValues) {
        return new Refused<>(Refusal.of(reason, namesAndValues));
    }

    default boolean isDone() {
        return this instanceof Done<T>;
    }

    /** The value when done, empty when refused. */
    default Optional<T> value() {
        return this instanceof Done<T> d ? Optional.of(d.result()) : Optional.empty();
    }

    /** The reason when refused, empty when done. */
    default Optional<Refusal> refusal() {
        return this instanceof Refused<T> r ? Optional.of(r.reason()) : Optional.empty();
    }

    /** The value, or a {@link RefusedException} with the reason. */
    default T orThrow() {
        if (this instanceof Done<T> d) return d.result();
        throw new RefusedException(((Refused<T>) this).reason());
    }
}
