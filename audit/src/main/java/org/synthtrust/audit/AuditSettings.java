package org.synthtrust.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.synthtrust.core.InvalidInputException;

/**
 * Settings shared by every metric of one audit run.
 *
 * @param seed                  seed of every random choice (cross-validation folds, subsamples, model
 *                              training), so a rerun on the same files gives the same values
 * @param minGroupSize          real rows a protected group needs to enter fairness gaps; smaller groups are
 *                              listed as excluded
 * @param maxThreeWayMarginals  3-way marginals evaluated; above this count (more than 30 columns make
 *                              4,060 triples) a seeded random sample of this size is used
 * @param groupColumn           column the k-marginal score crosses every pair with, or null
 * @param maxModelRows          rows each utility model trains on at most (a seeded subsample above it), 0 for
 *                              all. The default of 20,000 keeps one candidate's utility models within seconds
 * @param threads               metrics computed in parallel, at least 1
 */
public record AuditSettings(
        long seed,
        @JsonProperty("min_group_size") int minGroupSize,
        @JsonProperty("max_three_way_marginals") int maxThreeWayMarginals,
        @JsonProperty("group_column") String groupColumn,
        @JsonProperty("max_model_rows") int maxModelRows,
        int threads) {

    public AuditSettings {
        if (minGroupSize < 1) {
            throw new InvalidInputException("min_group_size must be at least 1; got " + minGroupSize);
        }

        if (maxThreeWayMarginals < 1) {
            throw new InvalidInputException("max_three_way_marginals must be at least 1; got " + maxThreeWayMarginals);
        }

        if (maxModelRows < 0) {
            throw new InvalidInputException("max_model_rows must be 0 (all rows) or positive; got " + maxModelRows);
        }

        if (threads < 1) {
            throw new InvalidInputException("threads must be at least 1; got " + threads);
        }
    }

    /** Seed 7, groups of at least 5 rows, 1,000 sampled 3-way marginals, no group column, 20,000 model rows. */
    public static AuditSettings defaults() {
        return new AuditSettings(7L, 5, 1000, null, 20_000, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public AuditSettings withSeed(long newSeed) {
        return new AuditSettings(newSeed, minGroupSize, maxThreeWayMarginals, groupColumn, maxModelRows, threads);
    }

    public AuditSettings withMinGroupSize(int size) {
        return new AuditSettings(seed, size, maxThreeWayMarginals, groupColumn, maxModelRows, threads);
    }

    public AuditSettings withMaxThreeWayMarginals(int count) {
        return new AuditSettings(seed, minGroupSize, count, groupColumn, maxModelRows, threads);
    }

    public AuditSettings withGroupColumn(String column) {
        return new AuditSettings(seed, minGroupSize, maxThreeWayMarginals, column, maxModelRows, threads);
    }

    public AuditSettings withMaxModelRows(int rows) {
        return new AuditSettings(seed, minGroupSize, maxThreeWayMarginals, groupColumn, rows, threads);
    }

    public AuditSettings withThreads(int count) {
        return new AuditSettings(seed, minGroupSize, maxThreeWayMarginals, groupColumn, maxModelRows, count);
    }
}
