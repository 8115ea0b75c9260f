package io.jixiao.budget.service;

import java.util.List;
import java.util.UUID;

import io.jixiao.common.problem.ProblemException;

/**
 * Lists that grow without bound (a project's ledger, the city's projects) are read in pages, each
 * continuing after the last item of the one before (keyset paging), so that what one read holds in memory is
 * bounded by the page, not by how much the ledger or the city has grown.
 */
public final class KeysetPages {

    /** Items on a page when the client does not say. */
    public static final int DEFAULT_SIZE = 500;
    public static final int MAX_SIZE = 1000;

    /** One page: the items, and the id to continue after, or null on the last page. */
    public record Page<T>(List<T> items, UUID continueAfter) {
    }

    /**
     * The page out of {@code fetched}, which the query read with one item more than {@code size} to
     * tell whether another page follows.
     */
    static <T> Page<T> of(List<T> fetched, int size, java.util.function.Function<T, UUID> id) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        return new Page<>(items, id.apply(items.get(size - 1)));
    }

    /** The {@code after} parameter as an id; refused naming the field when it is not one. */
    static UUID cursor(String after, String what) {
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw notACursor(what);
        }
    }

    static ProblemException notACursor(String what) {
        return ProblemException.invalidField("after", "is not the id of " + what);
    }

    private KeysetPages() {
    }
}
