package org.synthtrust.generators.pgm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.domain.Domain;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.generators.DpBoundsOption;
import org.synthtrust.generators.Models;
import org.synthtrust.generators.Parameters;

/**
 * State shared by the marginal-based synthesizers during one fit: the encoded private table, the ledger and
 * helpers that measure marginals through it and assemble the released model. The encoded codes and exact
 * counts stay inside this object; only noisy measurements leave it.
 */
public final class MarginalFit {
    private static final Logger LOG = LoggerFactory.getLogger(MarginalFit.class);

    /**
     * Minimum number of rows a marginal synthesizer accepts. Below about ten records every count is a few units, far
     * below the noise at any budget worth calling private, so the fit would return noise.
     */
    public static final int MIN_ROWS = 10;

    private final String method;
    private final Schema schema;
    private final Encoder encoder;
    private final int[][] codes;
    private final PrivacyLedger ledger;
    private final Parameters parameters;
    private final List<String> notices = new ArrayList<>();

    private MarginalFit(String method, Schema schema, Encoder encoder, int[][] codes, PrivacyLedger ledger,
            Parameters parameters) {
        this.method = method;
        this.schema = schema;
        this.encoder = encoder;
        this.codes = codes;
        this.ledger = ledger;
        this.parameters = parameters;
    }

    /**
     * Encodes the training table over the schema's public domain and checks the preconditions of a zCDP
     * marginal method: delta > 0 and at least {@link #MIN_ROWS} rows.
     */
    public static MarginalFit start(String method, Table train, Schema schema, PrivacyLedger ledger,
            Parameters parameters) {
        ledger.budget().requirePositiveDelta(method.toUpperCase(java.util.Locale.ROOT));
        if (train.rowCount() < MIN_ROWS) {
            throw new InvalidInputException(method + " needs at least " + MIN_ROWS + " rows; the training table has "
                    + train.rowCount());
        }
        DpBoundsOption.Result coded = DpBoundsOption.encoder(method, schema, train, ledger, parameters);
        Encoder encoder = coded.encoder();
        Encoder.Encoded encoded = encoder.encodeWithReport(train);
        if (!encoded.clippedCounts().isEmpty()) {
            // The analyst's log may state these counts; the released model may not.
            LOG.info("{}: values outside the declared domain were clipped or mapped to 'other': {}", method,
                    encoded.clippedCounts());
        }
        MarginalFit fit = new MarginalFit(method, schema, encoder, encoded.codes(), ledger, parameters);
        if (coded.notice() != null) {
            fit.notices.add(coded.notice());
        }
        if (!encoder.uncoveredColumns().isEmpty()) {
            fit.notices.add("The domains of columns " + encoder.uncoveredColumns() + " were read from the data, so "
                    + "the differential privacy guarantee does not cover which values they contain.");
        }
        if (ledger.isTestMode()) {
            fit.notices.add("Seeded test mode: the noise is reproducible and the output is not differentially private.");
        }
        return fit;
    }

    public Domain domain() {
        return encoder.domain();
    }

    public int[][] codes() {
        return codes;
    }

    public PrivacyLedger ledger() {
        return ledger;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Adds a sentence for the model's provenance, such as a cap that bound. */
    public void addNotice(String notice) {
        notices.add(notice);
    }

    /** Returns a readable name of a marginal for ledger entries, such as {@code 2-way marginal (age, sex)}. */
    public static String describe(Domain domain, int[] attributes) {
        String names = java.util.Arrays.stream(attributes).mapToObj(domain::name).collect(Collectors.joining(", "));
        return attributes.length + "-way marginal (" + names + ")";
    }

    /**
     * Measures the marginal of the given data with discrete Gaussian noise of standard deviation {@code sigma}
     * through the ledger, which charges rho = 1 / (2 sigma^2) (L2 sensitivity 1 under add/remove-one).
     */
    public static Measurement measure(PrivacyLedger ledger, int[][] data, Domain domain, int[] attributes,
            long[] exactCounts, double sigma) {
        long[] noisy = ledger.gaussianCounts(describe(domain, attributes), exactCounts, sigma, 1.0);
        double[] values = new double[noisy.length];
        for (int cell = 0; cell < noisy.length; cell++) {
            values[cell] = noisy[cell];
        }
        return Measurement.of(attributes, values, sigma);
    }

    /** Assembles the released model with its provenance. */
    public MarginalModel finish(GraphicalModel model, int[][] compression) {
        JsonNode ledgerJson = Models.MAPPER.valueToTree(ledger.snapshot());
        ModelProvenance provenance = new ModelProvenance(method, Map.copyOf(parameters.asMap()),
                ledger.budget().epsilon(), ledger.budget().delta(), ledgerJson, !ledger.isTestMode(),
                encoder.uncoveredColumns(), List.copyOf(notices), schema, ModelProvenance.currentVersion());
        return new MarginalModel(method, encoder, compression, model, provenance);
    }
}
