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
 * {@link MixedDistance}. Query rows are processed in chunks across the cores of a fork-join pool, and reference
 * rows in cache-sized blocks. Only two distances and one index per query row are kept, so memory is linear
 * in the row counts and no query-by-reference matrix is ever built.
 *
 * <p>Pruning keeps the result exact. Every per-column term is non-negative, so any partial sum is a lower
 * bound of the distance, and a pair is dropped once a bound exceeds the current second-best sum (strictly, so
 * ties are kept). Two cheap bounds run first: the number of differing categories, counted without branches
 * from codes packed into 64-bit words (SWAR: one XOR, an add-and-mask that sets each field's top bit when
 * the field differs, and a population count), and that count plus the numeric terms computed from values
 * divided by their scale in advance. That second bound can exceed the exact sum by rounding only, far less
 * than {@link #ROUNDING_SLACK}. Pairs that pass both get the exact sum in column order, which is what is
 * stored, so results do not depend on the pruning.
 */
public final class NearestNeighbourSearch {
    /** Query rows per parallel task: small enough to balance two to eight cores, large enough to amortise. */
    private static final int QUERY_CHUNK = 64;
    /** Reference rows per block: about 4096 rows x 16 columns x 8 bytes = 512 KiB, inside a typical L2 cache. */
    private static final int REFERENCE_BLOCK = 4096;
    /**
     * Allowed excess of the pre-scaled numeric bound over the exact sum: at most 16 columns, each term off by
     * a few units in the last place of a value below 1, give under 1e-13.
     */
    private static final double ROUNDING_SLACK = 1e-9;

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

        PackedRows packedQueries = PackedRows.of(queries, reference);
        PackedRows packedReference = PackedRows.of(reference, queries);

        int chunks = (queryRows + QUERY_CHUNK - 1) / QUERY_CHUNK;
        AtomicInteger done = new AtomicInteger();
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            cancel.throwIfCancelled();
            int start = chunk * QUERY_CHUNK;
            int end = Math.min(queryRows, start + QUERY_CHUNK);
            searchChunk(queries, reference, packedQueries, packedReference, start, end, excludeSameIndex, nearest,
                    second, nearestIndex, cancel);
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

    private static void searchChunk(EncodedRows queries, EncodedRows reference, PackedRows packedQueries,
                                    PackedRows packedReference, int start, int end, boolean excludeSameIndex,
                                    double[] nearest, double[] second, int[] nearestIndex, CancellationToken cancel) {
        final int words = packedQueries.wordsPerRow;
        final long low = packedQueries.lowMask;
        final long high = packedQueries.highMask;
        final long[] queryWords = packedQueries.words;
        final long[] referenceWords = packedReference.words;
        final int numericCount = queries.numericCount;
        final double[] queryScaled = packedQueries.scaled;
        final double[] referenceScaled = packedReference.scaled;
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
                int queryWordOffset = q * words;
                int queryValueOffset = q * numericCount;
                for (int r = blockStart; r < blockEnd; r++) {
                    if (excludeSameIndex && r == q) {
                        continue;
                    }
                    int mismatches = 0;
                    int referenceWordOffset = r * words;
                    for (int w = 0; w < words; w++) {
                        long difference = queryWords[queryWordOffset + w] ^ referenceWords[referenceWordOffset + w];
                        mismatches += Long.bitCount((((difference & low) + low) | difference) & high);
                    }
                    if (mismatches > runnerUp) {
                        continue;
                    }
                    double bound = mismatches;
                    int referenceValueOffset = r * numericCount;
                    for (int j = 0; j < numericCount; j++) {
                        double difference = Math.abs(queryScaled[queryValueOffset + j]
                                - referenceScaled[referenceValueOffset + j]);
                        bound += difference < 1 ? difference : 1;
                    }
                    if (bound > runnerUp + ROUNDING_SLACK) {
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

    /**
     * Category codes packed into 64-bit words, fields of equal width that never straddle a word (code + 1,
     * so a missing -1 becomes 0), and numeric values divided by their scale for the pruning bound. Both sides
     * of a search are packed with the same width.
     */
    private static final class PackedRows {
        final int wordsPerRow;
        final long lowMask;
        final long highMask;
        final long[] words;
        final double[] scaled;

        private PackedRows(int wordsPerRow, long lowMask, long highMask, long[] words, double[] scaled) {
            this.wordsPerRow = wordsPerRow;
            this.lowMask = lowMask;
            this.highMask = highMask;
            this.words = words;
            this.scaled = scaled;
        }

        static PackedRows of(EncodedRows rows, EncodedRows other) {
            int maxCode = 0;
            for (int code : rows.codes) {
                maxCode = Math.max(maxCode, code + 1);
            }
            for (int code : other.codes) {
                maxCode = Math.max(maxCode, code + 1);
            }
            // One spare top bit per field receives the carry of the add-and-mask step.
            int fieldBits = 64 - Long.numberOfLeadingZeros(maxCode) + 1;
            int fieldsPerWord = 64 / fieldBits;
            int categorical = rows.categoricalCount;
            int wordsPerRow = (categorical + fieldsPerWord - 1) / fieldsPerWord;
            long fieldLow = (1L << (fieldBits - 1)) - 1;
            long lowMask = 0;
            long highMask = 0;
            for (int field = 0; field < fieldsPerWord; field++) {
                lowMask |= fieldLow << (field * fieldBits);
                highMask |= 1L << (field * fieldBits + fieldBits - 1);
            }
            long[] words = new long[rows.rows * wordsPerRow];
            for (int row = 0; row < rows.rows; row++) {
                for (int j = 0; j < categorical; j++) {
                    long code = rows.codes[row * categorical + j] + 1L;
                    int word = j / fieldsPerWord;
                    int shift = (j % fieldsPerWord) * fieldBits;
                    words[row * wordsPerRow + word] |= code << shift;
                }
            }
            return new PackedRows(wordsPerRow, lowMask, highMask, words, scaledValues(rows));
        }

        /**
         * Returns values divided by their scale. A missing cell stays at the sentinel and present values are
         * clamped below it, so every numeric term of the bound is at most its exact value plus rounding.
         */
        private static double[] scaledValues(EncodedRows rows) {
            double[] scales = rows.layout.scales();
            int numeric = rows.numericCount;
            double[] scaled = new double[rows.values.length];
            for (int i = 0; i < scaled.length; i++) {
                double value = rows.values[i];
                if (value == MixedDistance.MISSING_NUMERIC) {
                    scaled[i] = value;
                } else {
                    double scale = scales[i % numeric];
                    double divided = scale == Double.MIN_VALUE ? value * MixedDistance.VALUE_LIMIT : value / scale;
                    scaled[i] = Math.max(-MixedDistance.VALUE_LIMIT, Math.min(MixedDistance.VALUE_LIMIT, divided));
                }
            }
            return scaled;
        }
    }
}
