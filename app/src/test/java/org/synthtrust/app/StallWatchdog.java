package org.synthtrust.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Test aid that samples what the FX thread is doing while no pulse has arrived for more than 100 ms, to find the
 * code behind a stall the pulse monitor measured. Each sample keeps the top frames (what is burning time) and
 * the innermost workbench frames (which of our calls led there). A stall yields one sample every 40 ms.
 */
final class StallWatchdog {
    private static final long STALL_NANOS = 100_000_000L;
    private static final long SAMPLE_MILLIS = 40;
    private static final int TOP_FRAMES = 8;
    private static final int OWN_FRAMES = 4;
    private volatile long lastPulse = System.nanoTime();
    private volatile boolean running = true;
    private final List<String> reports = new ArrayList<>();
    /** Samples per kind of FX-thread work, in the order the kinds are first seen. */
    private final Map<String, Integer> samplesByKind = new java.util.LinkedHashMap<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            lastPulse = System.nanoTime();
        }
    };

    void start() {
        timer.start();
        Thread watcher = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long late = System.nanoTime() - lastPulse;
                if (late > STALL_NANOS) {
                    report(late);
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
            List<String> all = new ArrayList<>(reports);
            all.add("FX-thread stall samples (one per " + SAMPLE_MILLIS + " ms) by kind: " + samplesByKind);
            return all;
        }
    }

    /**
     * Names the kind of work in a sample. Waiting for the renderer is the software rasteriser of headless
     * Monocle (prism.order=sw). A GPU pipeline would likely shorten it a lot (an estimate, not measured here).
     */
    private static String kind(StackTraceElement[] frames) {
        String kind = "other";
        for (StackTraceElement frame : frames) {
            String method = frame.getClassName() + "." + frame.getMethodName();
            if (method.endsWith("waitForRenderingToComplete") || method.contains("PaintCollector.renderAll")) {
                return "render wait";
            }
            if (frame.getClassName().startsWith("org.synthtrust")) {
                return "workbench code";
            }
            if (kind.equals("other") && method.contains("doProcessCSS")) {
                kind = "css and skins";
            } else if (kind.equals("other") && (method.endsWith(".layout") || method.endsWith("layoutChildren"))) {
                kind = "layout";
            }
        }
        return kind;
    }

    private void report(long lateNanos) {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getKey().getName().contains("JavaFX Application Thread")) {
                StringBuilder text = new StringBuilder("FX thread late by " + lateNanos / 1_000_000 + " ms:");
                StackTraceElement[] frames = entry.getValue();
                for (int i = 0; i < Math.min(TOP_FRAMES, frames.length); i++) {
                    text.append("\n    at ").append(frames[i]);
                }
                int own = 0;
                for (int i = TOP_FRAMES; i < frames.length && own < OWN_FRAMES; i++) {
                    if (frames[i].getClassName().startsWith("org.synthtrust")) {
                        text.append("\n    .. ").append(frames[i]);
                        own++;
                    }
                }
                if (own == 0 && frames.length > TOP_FRAMES) {
                    // Without a workbench frame the stall is inside a pulse (CSS, layout, render), so show its entry point.
                    for (int i = Math.max(TOP_FRAMES, frames.length - 14); i < frames.length - 8; i++) {
                        text.append("\n    .. ").append(frames[i]);
                    }
                }
                synchronized (reports) {
                    reports.add(text.toString());
                    samplesByKind.merge(kind(frames), 1, Integer::sum);
                }
            }
        }
    }
}
