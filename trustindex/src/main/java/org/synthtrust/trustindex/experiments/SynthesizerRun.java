package org.synthtrust.trustindex.experiments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.Synthesizer;

/**
 * One configured synthesizer that an experiment re-runs on neighbouring training tables: each run gets a fresh
 * privacy ledger with the full budget and its own randomness, fits, and samples a synthetic table.
 *
 * @param synthesizer the synthesizer under test
 * @param schema      schema of the training table (the public domain)
 * @param epsilon     claimed epsilon of one run
 * @param delta       claimed delta of one run
 * @param params      synthesizer parameters as text
 * @param rows        rows to sample per run, or 0 for the model's noisy row count
 * @param seed        base seed of the explicit seeded test mode (not private), or null for SecureRandom
 */
public record SynthesizerRun(Synthesizer synthesizer, Schema schema, double epsilon, double delta,
                             Map<String, String> params, int rows, Long seed) {

    public SynthesizerRun {
        params = Map.copyOf(params);
        PrivacyBudget.of(epsilon, delta);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0 (0 for the model's noisy count); got " + rows);
        }
    }

    /** Returns a copy that samples {@code sampleRows} rows per run (0 for the model's noisy count). */
    public SynthesizerRun withRows(int sampleRows) {
        return new SynthesizerRun(synthesizer, schema, epsilon, delta, params, sampleRows, seed);
    }

    /** Returns whether the runs use the seeded test mode, whose outputs are not differentially private. */
    public boolean isTestMode() {
        return seed != null;
    }

    /**
     * Fits on {@code train} and samples. Run {@code index} of stream {@code stream} gets
     * {@link DpRandom#secure()}, or in test mode a seed derived from both, so no two runs share noise.
     */
    public Table run(Table train, long stream, int index, CancellationToken cancel) {
        DpRandom random = seed == null ? DpRandom.secure()
                : DpRandom.seededForTesting(seed + 1_000_003L * stream + index);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(epsilon, delta), random);
        FittedModel model = synthesizer.fit(train, schema, ledger, new LinkedHashMap<>(params), ProgressListener.NONE,
                cancel);
        int count = rows > 0 ? rows : model.defaultRows();
        return model.sample(count, random.generator());
    }
}
