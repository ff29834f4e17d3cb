package org.synthtrust.trustindex.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Synthesizer;

/** TEST ONLY, not private: "synthesizes" by returning the training table itself, the worst case for privacy. */
public final class CopySynthesizer implements Synthesizer {
    public static final String ID = "copy-test-only";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "TEST ONLY: returns the training rows.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of();
    }

    @Override
    public FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
                           ProgressListener progress, CancellationToken cancel) {
        return new FittedModel() {
            @Override
            public String method() {
                return ID;
            }

            @Override
            public int defaultRows() {
                return train.rowCount();
            }

            @Override
            public Table sample(int rows, RandomGenerator random) {
                return train;
            }

            @Override
            public ModelProvenance provenance() {
                throw new UnsupportedOperationException("the test-only copy model has no provenance");
            }

            @Override
            public void save(Path file) {
                throw new UnsupportedOperationException("the test-only copy model cannot be saved");
            }
        };
    }
}
