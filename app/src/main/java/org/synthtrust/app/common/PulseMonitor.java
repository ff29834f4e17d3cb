package org.synthtrust.app.common;

import javafx.animation.AnimationTimer;

/**
 * Measures FX-thread stalls: an {@link AnimationTimer} keeps pulses coming (about 60 per second), so the gap
 * between two consecutive pulse timestamps minus one frame is the time the FX thread could not render. The
 * maximum gap since {@link #start()} is the longest stall a user would have seen as a frozen window.
 */
public final class PulseMonitor {
    private final AnimationTimer timer;
    private long previousNanos = -1;
    private volatile long maxGapNanos;
    private volatile long pulses;

    public PulseMonitor() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (previousNanos >= 0) {
                    maxGapNanos = Math.max(maxGapNanos, now - previousNanos);
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
        pulses = 0;
        timer.start();
    }

    /** Stops measuring; call on the FX thread. */
    public void stop() {
        timer.stop();
    }

    /** Longest interval between two pulses since start, in milliseconds. */
    public double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    public long pulses() {
        return pulses;
    }
}
