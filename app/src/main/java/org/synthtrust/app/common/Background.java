package org.synthtrust.app.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs long work (reading, fitting, auditing, exporting) in {@code javafx.concurrent.Task}s on worker threads
 * named {@code synthtrust-worker-N}, never on the FX thread. Each task may record which thread did its work under
 * a label ("fit", "audit", "export") so tests can check that nothing heavy ran on the FX thread.
 */
public final class Background {
    private static final Set<String> FX_THREAD_WORK = ConcurrentHashMap.newKeySet();
    private static final Set<String> WORKER_WORK = ConcurrentHashMap.newKeySet();

    private final ExecutorService executor;

    public Background(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "synthtrust-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = Executors.newFixedThreadPool(threads, factory);
    }

    public <T> Task<T> submit(Task<T> task) {
        executor.execute(task);
        return task;
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    /** Records that work of the given kind is running on the current thread; call it from inside a task. */
    public static void recordWork(String kind) {
        if (Platform.isFxApplicationThread()) {
            FX_THREAD_WORK.add(kind);
        } else {
            WORKER_WORK.add(kind);
        }
    }

    /** Kinds of work that ran on the FX thread; empty in a responsive application. */
    public static Set<String> workOnFxThread() {
        return Set.copyOf(FX_THREAD_WORK);
    }

    /** Kinds of work that ran on worker threads. */
    public static Set<String> workOnWorkers() {
        return Set.copyOf(WORKER_WORK);
    }
}
