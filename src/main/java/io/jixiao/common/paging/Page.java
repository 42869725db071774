package io.jixiao.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells
     * that there is a next page.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> sortKey) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursors.encode(sortKey.apply(items.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
