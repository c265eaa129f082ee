package io.hookline.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a value until it satisfies a condition or time runs out; the caller asserts on what comes back. */
public final class Await {

    private Await() {
    }

    public static <T> T until(Duration timeout, Supplier<T> value, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(timeout);
        T current = value.get();
        while (!condition.test(current) && Instant.now().isBefore(deadline)) {
            pause(100);
            current = value.get();
        }
        return current;
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
