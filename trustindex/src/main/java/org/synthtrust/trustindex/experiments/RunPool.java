package org.synthtrust.trustindex.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.progress.ProgressListener;

/**
 * Runs numbered tasks on up to {@code threads} worker threads, in index order, until all are done, the wall-time
 * budget is over or the run is cancelled. Tasks start in index order, so the finished ones form a prefix up to
 * the tasks still running when the time ran out. Experiments interleave their groups by index, so a cut run
 * stays balanced.
 */
final class RunPool {

    private RunPool() {
    }

    /**
     * Results of a run: {@code results[i]} is null for a task that did not start before the deadline.
     *
     * @param timedOut whether the wall-time budget stopped tasks from starting
     */
    record Outcome<T>(List<T> results, int finished, boolean timedOut) {
    }

    /**
     * Runs tasks {@code 0 .. count - 1}.
     *
     * @param maxSeconds wall-time budget in seconds; no task starts after it
     * @throws CancelledException when {@code cancel} is set; running tasks are interrupted
     */
    static <T> Outcome<T> run(int count, IntFunction<T> task, int threads, double maxSeconds, String stage,
                              ProgressListener progress, CancellationToken cancel) {
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        int workers = Math.max(1, Math.min(threads, count));
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "experiment-run");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    while (!cancel.isCancelled() && System.nanoTime() < deadline) {
                        int index = next.getAndIncrement();
                        if (index >= count) {
                            return;
                        }
                        results.set(index, task.apply(index));
                        progress.progress(stage, finished.incrementAndGet() / (double) count);
                    }
                }));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
        cancel.throwIfCancelled();
        List<T> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(results.get(i));
        }
        return new Outcome<>(list, finished.get(), finished.get() < count);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("experiment run failed: " + e.getCause(), e.getCause());
        }
    }
}
