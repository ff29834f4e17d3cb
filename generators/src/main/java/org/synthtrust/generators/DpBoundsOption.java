package org.synthtrust.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synthtrust.core.domain.ColumnCoding;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;

/**
 * The opt-in shared by every synthesizer that codes the table with an {@link Encoder}: with
 * {@code dp_bounds=true}, numeric columns whose schema declares no bounds get bounds estimated under
 * differential privacy (a noisy histogram over power-of-two bins) from the share {@code dp_bounds_share} of epsilon, charged
 * to the same ledger before any other measurement. Without the opt-in such a column is rejected with a message
 * that names it and both fixes.
 */
public final class DpBoundsOption {
    private static final Logger LOG = LoggerFactory.getLogger(DpBoundsOption.class);

    /** Default share of epsilon spent on all estimated bounds together. */
    public static final double DEFAULT_SHARE = 0.05;

    /** The two parameters, appended to each Encoder-based method's own parameters. */
    public static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.ofBoolean("dp_bounds", false,
                    "estimate the bounds of numeric columns that declare none under differential privacy, "
                            + "charged to the privacy ledger"),
            ParameterDescriptor.ofDouble("dp_bounds_share", DEFAULT_SHARE, 0.001, 0.5,
                    "share of epsilon spent on the estimated bounds when dp_bounds=true (pure epsilon, "
                            + "split equally among the columns without bounds)"));

    private DpBoundsOption() {
    }

    /** Returns the method's own parameters followed by the DP bounds parameters. */
    public static List<ParameterDescriptor> appendTo(List<ParameterDescriptor> own) {
        List<ParameterDescriptor> all = new ArrayList<>(own);
        all.addAll(PARAMETERS);
        return List.copyOf(all);
    }

    /** An encoder and, when bounds were estimated, a sentence for the model's provenance. */
    public record Result(Encoder encoder, String notice) {
    }

    /**
     * Builds the encoder of a fit. With {@code dp_bounds=true} and at least one numeric column without declared
     * bounds, charges {@code dp_bounds_share * epsilon} to the ledger first; otherwise charges nothing.
     */
    public static Result encoder(String method, Schema schema, Table train, PrivacyLedger ledger,
            Parameters parameters) {
        if (!parameters.getBoolean("dp_bounds")) {
            return new Result(Encoder.fromSchema(schema, train), null);
        }
        List<String> unbounded = Encoder.unboundedNumericColumns(schema, train);
        if (unbounded.isEmpty()) {
            return new Result(Encoder.fromSchema(schema, train), null);
        }
        double epsilon = parameters.getDouble("dp_bounds_share") * ledger.budget().epsilon();
        Encoder encoder = Encoder.fromSchemaWithDpBounds(schema, train, ledger, epsilon);
        StringBuilder bounds = new StringBuilder();
        for (ColumnCoding coding : encoder.columns()) {
            if (unbounded.contains(coding.name())) {
                bounds.append(bounds.length() == 0 ? "" : ", ").append(coding.name()).append(" [")
                        .append(coding.lower()).append(", ").append(coding.upper()).append(']');
            }
        }
        String notice = String.format(Locale.ROOT, "Bounds of %s were estimated under differential privacy "
                + "(pure epsilon = %.4g, noisy histogram over power-of-two bins); values outside them were clipped.",
                bounds, epsilon);
        LOG.info("{}: {}", method, notice);
        return new Result(encoder, notice);
    }
}
