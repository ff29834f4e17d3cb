package org.synthtrust.generators.dpgan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.synthtrust.core.domain.ColumnCoding;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.table.Column;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;
import org.synthtrust.core.table.Table;

/**
 * Maps records to the GAN's real vectors and back, using only the schema's public coding. A categorical,
 * text or boolean attribute becomes a one-hot block over its codes, with missing as its own code. A numeric
 * attribute becomes one value in [-1, 1], scaled by its declared bounds after clipping, plus a two-way
 * present/missing block when it is nullable. The generator's output goes through a softmax per block and a
 * tanh per numeric value.
 */
final class TableTransform {
    /** One output block: a softmax over {@code size} entries, or (size 0) a tanh value. */
    record Block(int attribute, int offset, int size) {
        boolean isNumeric() {
            return size == 0;
        }

        int width() {
            return size == 0 ? 1 : size;
        }
    }

    private final Encoder encoder;
    private final List<ColumnCoding> modelled = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    /** Per attribute: the numeric block (or -1) and the category or missing block (or -1). */
    private final int[] numericBlock;
    private final int[] categoryBlock;
    private final int width;

    TableTransform(Encoder encoder) {
        this.encoder = encoder;
        for (ColumnCoding coding : encoder.columns()) {
            if (!coding.identifier()) {
                modelled.add(coding);
            }
        }
        numericBlock = new int[modelled.size()];
        categoryBlock = new int[modelled.size()];
        int offset = 0;
        for (int attribute = 0; attribute < modelled.size(); attribute++) {
            ColumnCoding coding = modelled.get(attribute);
            numericBlock[attribute] = -1;
            categoryBlock[attribute] = -1;
            if (coding.isNumeric()) {
                numericBlock[attribute] = blocks.size();
                blocks.add(new Block(attribute, offset, 0));
                offset += 1;
                if (coding.nullable()) {
                    categoryBlock[attribute] = blocks.size();
                    blocks.add(new Block(attribute, offset, 2));
                    offset += 2;
                }
            } else {
                categoryBlock[attribute] = blocks.size();
                blocks.add(new Block(attribute, offset, coding.size()));
                offset += coding.size();
            }
        }
        width = offset;
    }

    int width() {
        return width;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** Returns the record vectors of a table, {@code [row][entry]}. */
    double[][] encode(Table table) {
        int[][] codes = encoder.encode(table);
        int rows = table.rowCount();
        double[][] vectors = new double[rows][width];
        for (int attribute = 0; attribute < modelled.size(); attribute++) {
            ColumnCoding coding = modelled.get(attribute);
            if (coding.isNumeric()) {
                Column column = table.column(coding.name());
                Block value = blocks.get(numericBlock[attribute]);
                for (int row = 0; row < rows; row++) {
                    boolean missing = column.isMissing(row);
                    if (!missing) {
                        double x = Math.max(coding.lower(), Math.min(coding.upper(), column.numericValue(row)));
                        vectors[row][value.offset()] = 2 * (x - coding.lower()) / (coding.upper() - coding.lower()) - 1;
                    }
                    if (categoryBlock[attribute] >= 0) {
                        vectors[row][blocks.get(categoryBlock[attribute]).offset() + (missing ? 1 : 0)] = 1;
                    }
                }
            } else {
                int offset = blocks.get(categoryBlock[attribute]).offset();
                for (int row = 0; row < rows; row++) {
                    vectors[row][offset + codes[attribute][row]] = 1;
                }
            }
        }
        return vectors;
    }

    /** Applies the output heads: softmax per category block, tanh per numeric value. */
    void activate(double[] raw, double[] out) {
        activate(raw, out, null, 1);
    }

    /**
     * Applies the output heads with the Gumbel-softmax relaxation of Jang, Gu and Poole (2017), "Categorical
     * Reparameterization with Gumbel-Softmax": each category block becomes softmax((raw + g) / temperature)
     * with standard Gumbel noise g, so generated blocks come close to one-hot like the real records. Without a
     * generator for g this is the plain softmax at the given temperature.
     */
    void activate(double[] raw, double[] out, java.util.SplittableRandom gumbel, double temperature) {
        for (Block block : blocks) {
            int o = block.offset();
            if (block.isNumeric()) {
                out[o] = Math.tanh(raw[o]);
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < block.size(); i++) {
                double noise = gumbel == null ? 0 : -Math.log(-Math.log(1 - gumbel.nextDouble()));
                out[o + i] = (raw[o + i] + noise) / temperature;
                max = Math.max(max, out[o + i]);
            }
            double sum = 0;
            for (int i = 0; i < block.size(); i++) {
                out[o + i] = Math.exp(out[o + i] - max);
                sum += out[o + i];
            }
            for (int i = 0; i < block.size(); i++) {
                out[o + i] /= sum;
            }
        }
    }

    /** Turns dLoss/dActivated into dLoss/dRaw, given the activated output. */
    void backwardHeads(double[] activated, double[] error, double[] rawError) {
        backwardHeads(activated, error, rawError, 1);
    }

    /** Turns dLoss/dActivated into dLoss/dRaw for heads applied at the given softmax temperature. */
    void backwardHeads(double[] activated, double[] error, double[] rawError, double temperature) {
        for (Block block : blocks) {
            int o = block.offset();
            if (block.isNumeric()) {
                rawError[o] = error[o] * (1 - activated[o] * activated[o]);
                continue;
            }
            double dot = 0;
            for (int i = 0; i < block.size(); i++) {
                dot += error[o + i] * activated[o + i];
            }
            for (int i = 0; i < block.size(); i++) {
                rawError[o + i] = activated[o + i] * (error[o + i] - dot) / temperature;
            }
        }
    }

    /**
     * Builds a table from activated generator outputs: each category block draws a code from its softmax,
     * each numeric value maps back through the bounds (rounded for integer columns).
     */
    Table decode(double[][] outputs, RandomGenerator random) {
        int rows = outputs.length;
        int[][] codes = new int[modelled.size()][rows];
        double[][] numeric = new double[modelled.size()][];
        for (int attribute = 0; attribute < modelled.size(); attribute++) {
            ColumnCoding coding = modelled.get(attribute);
            if (coding.isNumeric()) {
                numeric[attribute] = new double[rows];
            }
            for (int row = 0; row < rows; row++) {
                double[] output = outputs[row];
                int category = categoryBlock[attribute] < 0 ? 0
                        : draw(output, blocks.get(categoryBlock[attribute]), random);
                if (!coding.isNumeric()) {
                    codes[attribute][row] = category;
                    continue;
                }
                if (category == 1) {
                    codes[attribute][row] = coding.missingCode();
                    continue;
                }
                double t = output[blocks.get(numericBlock[attribute]).offset()];
                double x = coding.lower() + (t + 1) / 2 * (coding.upper() - coding.lower());
                numeric[attribute][row] = Math.max(coding.lower(), Math.min(coding.upper(), x));
                codes[attribute][row] = bin(coding.edges(), numeric[attribute][row]);
            }
        }
        Table binned = encoder.decode(codes, random);
        // Integer and real columns get the generated value itself instead of a uniform draw within its bin.
        List<Column> columns = new ArrayList<>(binned.columns());
        for (int attribute = 0; attribute < modelled.size(); attribute++) {
            ColumnCoding coding = modelled.get(attribute);
            ColumnType type = ColumnType.fromId(coding.type());
            if (!coding.isNumeric() || (type != ColumnType.INTEGER && type != ColumnType.REAL)) {
                continue;
            }
            int index = binned.indexOf(coding.name());
            Column old = binned.column(index);
            BitSet missing = new BitSet(rows);
            for (int row = 0; row < rows; row++) {
                if (old.isMissing(row)) {
                    missing.set(row);
                }
            }
            if (type == ColumnType.REAL) {
                columns.set(index, new RealColumn(coding.name(), numeric[attribute], missing));
            } else {
                long[] whole = new long[rows];
                for (int row = 0; row < rows; row++) {
                    whole[row] = Math.max((long) Math.ceil(coding.lower()),
                            Math.min((long) Math.floor(coding.upper()), Math.round(numeric[attribute][row])));
                }
                columns.set(index, new IntegerColumn(coding.name(), whole, missing));
            }
        }
        return new Table(columns);
    }

    private static int draw(double[] output, Block block, RandomGenerator random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < block.size() - 1; i++) {
            cumulative += output[block.offset() + i];
            if (u < cumulative) {
                return i;
            }
        }
        return block.size() - 1;
    }

    private static int bin(double[] edges, double value) {
        int position = Arrays.binarySearch(edges, value);
        int bin = position >= 0 ? position : -position - 2;
        return Math.max(0, Math.min(edges.length - 2, bin));
    }
}
