package org.synthtrust.generators.independent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.domain.Domain;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.DpBoundsOption;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Parameters;
import org.synthtrust.generators.Synthesizer;
import org.synthtrust.generators.pgm.GraphicalModel;
import org.synthtrust.generators.pgm.MarginalCounter;
import org.synthtrust.generators.pgm.MarginalFit;
import org.synthtrust.generators.pgm.Measurement;
import org.synthtrust.generators.pgm.MirrorDescent;

/**
 * Independent noisy 1-way marginals, the DP baseline: every column's marginal gets discrete Gaussian noise,
 * the whole budget's rho split evenly, and records are drawn column by column from the estimated marginals.
 * Estimation and sampling use the engine of McKenna, Sheldon and Miklau (2019), "Graphical-model based
 * estimation and inference for differential privacy", on a model with one clique per column.
 */
public final class IndependentSynthesizer implements Synthesizer {
    public static final String ID = "independent";

    private static final List<ParameterDescriptor> PARAMETERS = DpBoundsOption.appendTo(List.of(
            ParameterDescriptor.ofInt("iterations", 200, 1, 100_000,
                    "mirror-descent iterations that turn the noisy counts into non-negative marginals")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Independent noisy 1-way marginals under zCDP (discrete Gaussian), the baseline of the marginal methods.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
            ProgressListener progress, CancellationToken cancel) {
        Parameters parameters = Parameters.resolve(ID, PARAMETERS, params);
        MarginalFit fit = MarginalFit.start(ID, train, schema, ledger, parameters);
        Domain domain = fit.domain();
        int columns = domain.attributeCount();

        List<int[]> cliques = new ArrayList<>();
        for (int attribute = 0; attribute < columns; attribute++) {
            cliques.add(new int[] {attribute});
        }
        long[][] counts = MarginalCounter.countAll(fit.codes(), domain, cliques);
        List<Measurement> measurements = new ArrayList<>();
        for (int attribute = 0; attribute < columns; attribute++) {
            cancel.throwIfCancelled();
            // Each remaining column gets an equal share of what is left, so the budget is spent exactly.
            double rho = ledger.remainingRho() / (columns - attribute);
            double sigma = Math.sqrt(1.0 / (2 * rho));
            measurements.add(MarginalFit.measure(ledger, fit.codes(), domain, cliques.get(attribute),
                    counts[attribute], sigma));
            progress.progress("measure 1-way marginals", (attribute + 1.0) / columns);
        }

        GraphicalModel model = MirrorDescent.estimate(domain, measurements, parameters.getInt("iterations"), null,
                cancel).model();
        progress.progress("estimate", 1.0);
        return fit.finish(model, null);
    }
}
