package org.synthtrust.app.common;

import javafx.animation.AnimationTimer;

/**
 * Measures FX-thread stalls: an {@link AnimationTimer} keeps pulses coming (about 60 per second), so the gap
 * between two consecutive pulse timestamps minus one frame is the time the FX thread could not render. The
 * maximum gap since {@link #start()} is the longest stall a user would have seen as a frozen window.
 */
public final class PulseMonitor {
    /** Gaps above 100 ms are kept so a test can report which step stalled. */
    private static final long LONG_GAP_NANOS = 100_000_000L;

    private final AnimationTimer timer;
    private final java.util.List<Gap> longGaps = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A long gap between pulses: when it ended ({@code System.nanoTime()}) and how long it was. */
    public record Gap(long endNanos, double millis) {
    }
    private long previousNanos = -1;
    private volatile long maxGapNanos;
    private volatile long pulses;

    public PulseMonitor() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (previousNanos >= 0) {
                    long gap = now - previousNanos;
                    maxGapNanos = Math.max(maxGapNanos, gap);
                    if (gap > LONG_GAP_NANOS) {
                        longGaps.add(new Gap(System.nanoTime(), gap / 1e6));
                    }
                }
                previousNanos = now;
                pulses++;
            }
        };
    }

    /** Starts measuring; call on the FX thread. */
    public void start() {
        previousNanos = -1;
        maxGapNanos = 0;
        longGaps.clear();
        pulses = 0;
        timer.start();
    }

    /** Stops measuring; call on the FX thread. */
    public void stop() {
        timer.stop();
    }

    /** Maximum interval between two pulses since start, in milliseconds. */
    public double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    /** Gaps between pulses longer than 100 ms, in order. */
    public java.util.List<Gap> longGaps() {
        return java.util.List.copyOf(longGaps);
    }

    public long pulses() {
        return pulses;
    }
}
