package io.hookline.platform;

import jakarta.json.bind.annotation.JsonbNillable;

import java.util.List;
import java.util.function.Function;

/** One page of a newest-first listing; {@code nextCursor} is null on the last page (and says so, not left out). */
@JsonbNillable
public record Page<T>(List<T> data, String nextCursor) {

    /** From a query that fetched one row more than asked, which tells whether another page exists. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new Page<>(page, cursorOf.apply(page.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), nextCursor);
    }
}
