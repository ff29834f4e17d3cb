package org.synthtrust.generators;

import java.util.List;
import java.util.Map;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;

/**
 * A differentially private synthesizer: fits a model of a private table under the budget of a privacy ledger.
 * Implementations are registered in {@code META-INF/services/org.synthtrust.generators.Synthesizer} and found
 * through {@link Synthesizers}. Every statistic of {@code train} that reaches the model goes through the ledger;
 * the returned model holds only noisy statistics and public metadata.
 */
public interface Synthesizer {
    /** Method id used in files and on the command line: {@code independent}, {@code mst}, {@code aim}, ... */
    String id();

    /** One sentence for method lists, naming the source paper. */
    String description();

    /** Typed parameters with defaults and ranges, for validation and for the GUI and CLI listings. */
    List<ParameterDescriptor> parameters();

    /**
     * Fits a model. {@code params} contains raw text values keyed by parameter name; unknown names and values out
     * of range are rejected with an {@link org.synthtrust.core.InvalidInputException} before anything is
     * measured.
     */
    FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
            ProgressListener progress, CancellationToken cancel);
}
