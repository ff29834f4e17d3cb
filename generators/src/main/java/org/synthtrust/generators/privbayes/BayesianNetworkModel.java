package org.synthtrust.generators.privbayes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.domain.ColumnCoding;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelLoader;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.generators.Models;

/**
 * Fitted PrivBayes model: a Bayesian network over the encoder's attributes, each attribute with its parent set
 * and a conditional distribution estimated from a noisy joint count table. Records are drawn by ancestral
 * sampling in network order. Every number held here is post-processed noisy output or public metadata.
 */
public final class BayesianNetworkModel implements FittedModel {
    /** Value of the {@code format} field in saved files. */
    public static final String FORMAT = "synthtrust-bayesian-network";

    private final String method;
    private final Encoder encoder;
    private final int[] order;
    private final int[][] parents;
    private final double[][] conditionals;
    private final double noisyTotal;
    private final ModelProvenance provenance;

    /**
     * @param order attributes in sampling order; every parent of {@code order[i]} appears before position i
     * @param parents parent attributes of each attribute, indexed by attribute
     * @param conditionals per attribute, P(child | parents) as a row-major table over (parents..., child) in the
     *        order of {@code parents[attribute]} then the child, each row summing to 1
     * @param noisyTotal noisy record count released through the ledger
     */
    public BayesianNetworkModel(String method, Encoder encoder, int[] order, int[][] parents, double[][] conditionals,
            double noisyTotal, ModelProvenance provenance) {
        this.method = method;
        this.encoder = encoder;
        this.order = order.clone();
        this.parents = parents;
        this.conditionals = conditionals;
        this.noisyTotal = noisyTotal;
        this.provenance = provenance;
        int attributes = encoder.domain().attributeCount();
        if (order.length != attributes || parents.length != attributes || conditionals.length != attributes) {
            throw new IllegalArgumentException("network covers " + order.length + " attributes; the coding has "
                    + attributes);
        }
        for (int attribute = 0; attribute < attributes; attribute++) {
            long cells = encoder.domain().cells(parents[attribute]) * encoder.domain().size(attribute);
            if (conditionals[attribute].length != cells) {
                throw new IllegalArgumentException("conditional table of attribute '" + encoder.domain().name(attribute)
                        + "' has " + conditionals[attribute].length + " cells; its parents and values need " + cells);
            }
        }
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public int defaultRows() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(noisyTotal)));
    }

    /** Returns the parent attributes of each attribute (indices into the encoder's domain). */
    public int[][] parents() {
        int[][] copy = new int[parents.length][];
        for (int i = 0; i < parents.length; i++) {
            copy[i] = parents[i].clone();
        }
        return copy;
    }

    public int[] order() {
        return order.clone();
    }

    public Encoder encoder() {
        return encoder;
    }

    @Override
    public Table sample(int rows, RandomGenerator random) {
        if (rows < 1) {
            throw new InvalidInputException("rows must be at least 1; got " + rows);
        }
        int attributes = order.length;
        int[][] codes = new int[attributes][rows];
        for (int attribute : order) {
            int size = encoder.domain().size(attribute);
            int[] parentSet = parents[attribute];
            double[] table = conditionals[attribute];
            int[] column = codes[attribute];
            for (int row = 0; row < rows; row++) {
                int configuration = 0;
                for (int parent : parentSet) {
                    configuration = configuration * encoder.domain().size(parent) + codes[parent][row];
                }
                column[row] = draw(table, configuration * size, size, random);
            }
        }
        return encoder.decode(codes, random);
    }

    /** Draws a code by inverse CDF from {@code table[offset .. offset + size)}, which sums to 1. */
    private static int draw(double[] table, int offset, int size, RandomGenerator random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int value = 0; value < size - 1; value++) {
            cumulative += table[offset + value];
            if (u < cumulative) {
                return value;
            }
        }
        return size - 1;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    /** Saved form; the conditionals are normalised noisy counts. */
    record ModelFile(
            String format,
            @JsonProperty("format_version") int formatVersion,
            String method,
            ModelProvenance provenance,
            List<ColumnCoding> columns,
            @JsonProperty("noisy_total") double noisyTotal,
            int[] order,
            int[][] parents,
            double[][] conditionals) { }

    @Override
    public void save(Path file) {
        Models.writeAtomically(new ModelFile(FORMAT, 1, method, provenance, encoder.columns(), noisyTotal, order,
                parents, conditionals), file);
    }

    /** Reads files written by {@link #save}. */
    public static final class Loader implements ModelLoader {
        @Override
        public String format() {
            return FORMAT;
        }

        @Override
        public FittedModel load(JsonNode root) {
            ModelFile file = Models.readModelFile(root, ModelFile.class, ModelFile::formatVersion, 1);
            return new BayesianNetworkModel(file.method(), new Encoder(file.columns()), file.order(), file.parents(),
                    file.conditionals(), file.noisyTotal(), file.provenance());
        }
    }
}
