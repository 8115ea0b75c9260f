package io.jixiao.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests released at the same moment, each from its own thread, as racing clients send them. */
public final class Race {

    /** Runs every request at once and returns their results in the order given. */
    public static <T> List<T> run(List<Callable<T>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same request from {@code threads} threads at once. */
    public static <T> List<T> repeat(int threads, Callable<T> request) throws Exception {
        return run(java.util.Collections.nCopies(threads, request));
    }

    private Race() {
    }
}
