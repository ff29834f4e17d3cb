package org.synthtrust.audit.privacy;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.progress.ProgressListener;

/**
 * Exact brute-force search for the nearest and second-nearest reference row of every query row under
 * {@link MixedDistance}. Query rows are processed in chunks across the cores of a fork-join pool and reference
 * rows in cache-sized blocks; only two distances and one index per query row are kept, so memory is linear
 * in the row counts and no query-by-reference matrix is ever built.
 *
 * <p>Every per-column term is non-negative, so the partial sum over the columns seen so far is a lower bound
 * of the full distance. A pair is dropped as soon as that bound exceeds the current k-th best (strictly, so
 * ties are kept), which returns the same result as the full computation. Categorical columns are compared
 * first because a single mismatch usually settles the pair.
 */
public final class NearestNeighbourSearch {
    /** Query rows per parallel task: small enough to balance two to eight cores, large enough to amortise. */
    private static final int QUERY_CHUNK = 64;
    /** Reference rows per block: about 4096 rows x 16 columns x 8 bytes = 512 KiB, inside a typical L2 cache. */
    private static final int REFERENCE_BLOCK = 4096;

    private NearestNeighbourSearch() {
    }

    /** Nearest and second-nearest distances (in [0, 1]) and the index of the nearest reference row. */
    public record Neighbours(double[] nearest, double[] secondNearest, int[] nearestIndex) {
        /** Returns the nearest-neighbour distance ratio of a query row, 0 when both distances are 0. */
        public double distanceRatio(int row) {
            double second = secondNearest[row];
            return second > 0 ? nearest[row] / second : 0.0;
        }
    }

    /** Searches with the common fork-join pool and no progress reporting. */
    public static Neighbours search(EncodedRows queries, EncodedRows reference, boolean excludeSameIndex) {
        return search(queries, reference, excludeSameIndex, ForkJoinPool.commonPool(), ProgressListener.NONE,
                CancellationToken.NONE);
    }

    /**
     * Finds, for every query row, its nearest and second-nearest reference rows.
     *
     * @param excludeSameIndex skip reference row i for query row i (a table against itself, leave-one-out)
     * @param pool             the pool whose parallelism bounds the cores used
     * @return distances are +infinity where the reference has fewer than one or two usable rows
     * @throws CancelledException when {@code cancel} is cancelled during the search
     */
    public static Neighbours search(EncodedRows queries, EncodedRows reference, boolean excludeSameIndex,
                                    ForkJoinPool pool, ProgressListener progress, CancellationToken cancel) {
        if (queries.columnCount != reference.columnCount || queries.numericCount != reference.numericCount) {
            throw new IllegalArgumentException("query and reference rows were encoded with different distances");
        }
        int queryRows = queries.rows;
        double[] nearest = new double[queryRows];
        double[] second = new double[queryRows];
        int[] nearestIndex = new int[queryRows];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        Arrays.fill(second, Double.POSITIVE_INFINITY);
        Arrays.fill(nearestIndex, -1);

        int chunks = (queryRows + QUERY_CHUNK - 1) / QUERY_CHUNK;
        AtomicInteger done = new AtomicInteger();
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            cancel.throwIfCancelled();
            int start = chunk * QUERY_CHUNK;
            int end = Math.min(queryRows, start + QUERY_CHUNK);
            searchChunk(queries, reference, start, end, excludeSameIndex, nearest, second, nearestIndex, cancel);
            progress.progress("nearest-neighbour search", done.incrementAndGet() / (double) chunks);
        });
        runIn(pool, work);

        double columns = queries.columnCount;
        for (int row = 0; row < queryRows; row++) {
            nearest[row] /= columns;
            second[row] /= columns;
        }
        return new Neighbours(nearest, second, nearestIndex);
    }

    private static void runIn(ForkJoinPool pool, Runnable work) {
        if (pool == ForkJoinPool.commonPool()) {
            work.run();
            return;
        }
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("nearest-neighbour search failed", cause);
        }
    }

    private static void searchChunk(EncodedRows queries, EncodedRows reference, int start, int end,
                                    boolean excludeSameIndex, double[] nearest, double[] second, int[] nearestIndex,
                                    CancellationToken cancel) {
        final int referenceRows = reference.rows;
        for (int blockStart = 0; blockStart < referenceRows; blockStart += REFERENCE_BLOCK) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            int blockEnd = Math.min(referenceRows, blockStart + REFERENCE_BLOCK);
            for (int q = start; q < end; q++) {
                double best = nearest[q];
                double runnerUp = second[q];
                int bestIndex = nearestIndex[q];
                for (int r = blockStart; r < blockEnd; r++) {
                    if (excludeSameIndex && r == q) {
                        continue;
                    }
                    // The mismatch count is an exact lower bound of the float sum: adding non-negative terms
                    // under round-to-nearest never drops below a representable partial value.
                    if (queries.categoricalMismatches(q, reference, r, runnerUp) > runnerUp) {
                        continue;
                    }
                    double sum = queries.distanceSum(q, reference, r, runnerUp);
                    if (sum > runnerUp) {
                        continue;
                    }
                    if (sum < best) {
                        runnerUp = best;
                        best = sum;
                        bestIndex = r;
                    } else {
                        runnerUp = sum;
                    }
                }
                nearest[q] = best;
                second[q] = runnerUp;
                nearestIndex[q] = bestIndex;
            }
        }
    }
}
