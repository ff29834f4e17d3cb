package org.synthtrust.core.privacy;

import java.util.Locale;

/**
 * Throughput of the exact samplers, run by hand (not a unit test): draws per second for the discrete Gaussian
 * and discrete Laplace at several scales, over SecureRandom and over the seeded test generator, after a warm-up.
 * Usage: {@code java -cp <test and main classes> org.synthtrust.core.privacy.SamplerThroughput [draws]}.
 */
public final class SamplerThroughput {

    private SamplerThroughput() {
    }

    public static void main(String[] args) {
        int draws = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        double[] scales = {1, 10, 100, 1000};
        System.out.printf(Locale.ROOT, "%-20s %-14s %8s %14s%n", "sampler", "generator", "scale", "draws/s");
        for (boolean secure : new boolean[] {true, false}) {
            for (double scale : scales) {
                report("discrete Gaussian", secure, scale, draws, true);
            }
            for (double scale : scales) {
                report("discrete Laplace", secure, scale, draws, false);
            }
        }
        DpRandom random = DpRandom.secure();
        double[] scores = new double[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = -Math.abs(i - 500);
        }
        int selections = 2000;
        long start = System.nanoTime();
        long checksum = 0;
        for (int i = 0; i < selections; i++) {
            checksum += random.exponentialMechanism(scores, 0.5, 1.0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-20s %-14s %8s %14.0f   (1000 candidates, epsilon 0.5; checksum %d)%n",
                "exponential mech.", "SecureRandom", "-", selections / seconds, checksum);
    }

    private static void report(String name, boolean secure, double scale, int draws, boolean gaussian) {
        DpRandom random = secure ? DpRandom.secure() : DpRandom.seededForTesting(1);
        long checksum = run(random, scale, draws / 10, gaussian);
        long start = System.nanoTime();
        checksum += run(random, scale, draws, gaussian);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-20s %-14s %8.0f %14.0f   (checksum %d)%n", name,
                secure ? "SecureRandom" : "L64X128Mix", scale, draws / seconds, checksum);
    }

    private static long run(DpRandom random, double scale, int draws, boolean gaussian) {
        long checksum = 0;
        if (gaussian) {
            long[] out = new long[draws];
            random.discreteGaussian(scale, out);
            for (long value : out) {
                checksum += value;
            }
            return checksum;
        }
        for (int i = 0; i < draws; i++) {
            checksum += random.discreteLaplace(scale);
        }
        return checksum;
    }
}
