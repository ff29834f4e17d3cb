package org.synthtrust.generators.dpgan;

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
 * Fitted GAN: the generator's weights, the public column coding and the noisy record count. The discriminator,
 * the only part trained on the data, is not kept; the generator is post-processing of it.
 */
public final class GanModel implements FittedModel {
    /** Value of the {@code format} field in saved files. */
    public static final String FORMAT = "synthtrust-gan-generator";

    private final String method;
    private final Encoder encoder;
    private final TableTransform transform;
    private final Mlp generator;
    private final int noiseDim;
    private final double noisyTotal;
    private final ModelProvenance provenance;

    GanModel(String method, Encoder encoder, Mlp generator, double noisyTotal, ModelProvenance provenance) {
        this.method = method;
        this.encoder = encoder;
        this.transform = new TableTransform(encoder);
        this.generator = generator;
        this.noiseDim = generator.inputSize();
        this.noisyTotal = noisyTotal;
        this.provenance = provenance;
        if (generator.outputSize() != transform.width()) {
            throw new IllegalArgumentException("generator output has " + generator.outputSize()
                    + " entries; the column coding needs " + transform.width());
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

    @Override
    public Table sample(int rows, RandomGenerator random) {
        if (rows < 1) {
            throw new InvalidInputException("rows must be at least 1; got " + rows);
        }
        Mlp.Cache cache = generator.newCache();
        double[] z = new double[noiseDim];
        double[][] outputs = new double[rows][transform.width()];
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < noiseDim; i++) {
                z[i] = random.nextGaussian();
            }
            transform.activate(generator.forward(z, cache), outputs[row]);
        }
        return transform.decode(outputs, random);
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    /** Saved form: public coding, network shape and weights, noisy count. */
    record ModelFile(
            String format,
            @JsonProperty("format_version") int formatVersion,
            String method,
            ModelProvenance provenance,
            List<ColumnCoding> columns,
            @JsonProperty("noisy_total") double noisyTotal,
            @JsonProperty("layer_sizes") int[] layerSizes,
            @JsonProperty("leaky_slope") double leakySlope,
            double[] weights) { }

    @Override
    public void save(Path file) {
        Models.writeAtomically(new ModelFile(FORMAT, 1, method, provenance, encoder.columns(), noisyTotal,
                generator.sizes, generator.leak, generator.parameters), file);
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
            Mlp generator = new Mlp(file.layerSizes(), file.leakySlope(), null);
            if (file.weights().length != generator.parameters.length) {
                throw new IllegalArgumentException("weights has " + file.weights().length + " values; layer_sizes "
                        + java.util.Arrays.toString(file.layerSizes()) + " need " + generator.parameters.length);
            }
            System.arraycopy(file.weights(), 0, generator.parameters, 0, generator.parameters.length);
            return new GanModel(file.method(), new Encoder(file.columns()), generator, file.noisyTotal(),
                    file.provenance());
        }
    }
}
