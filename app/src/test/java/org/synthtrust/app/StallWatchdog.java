package org.synthtrust.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Test aid that prints what the FX thread is doing when no pulse has arrived for 300 ms, to find the code
 * behind a stall the pulse monitor measured.
 */
final class StallWatchdog {
    private static final long STALL_NANOS = 300_000_000L;
    private volatile long lastPulse = System.nanoTime();
    private volatile boolean running = true;
    private final List<String> reports = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            lastPulse = System.nanoTime();
        }
    };

    void start() {
        timer.start();
        Thread watcher = new Thread(() -> {
            boolean reported = false;
            while (running) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                long late = System.nanoTime() - lastPulse;
                if (late > STALL_NANOS && !reported) {
                    reported = true;
                    report(late);
                } else if (late < STALL_NANOS) {
                    reported = false;
                }
            }
        }, "stall-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    void stop() {
        running = false;
        timer.stop();
    }

    List<String> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    private void report(long lateNanos) {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getKey().getName().contains("JavaFX Application Thread")) {
                StringBuilder text = new StringBuilder("FX thread late by " + lateNanos / 1_000_000 + " ms:");
                StackTraceElement[] frames = entry.getValue();
                for (int i = 0; i < Math.min(14, frames.length); i++) {
                    text.append("\n    at ").append(frames[i]);
                }
                synchronized (reports) {
                    reports.add(text.toString());
                }
            }
        }
    }
}
