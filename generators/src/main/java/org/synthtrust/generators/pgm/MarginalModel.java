package org.synthtrust.generators.pgm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.synthtrust.core.domain.ColumnCoding;
import org.synthtrust.core.domain.Domain;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelLoader;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.generators.Models;

/**
 * Fitted model of the marginal-based synthesizers (independent marginals, MST, AIM): a graphical model
 * estimated from noisy marginals, the encoder's public coding, and for MST the map from original codes to the
 * compressed domain the model works on. Sampling draws from the graphical model, gives a record in a merged
 * code a uniformly random original value among the merged ones, and decodes to the original column types.
 */
public final class MarginalModel implements FittedModel {
    /** Value of the {@code format} field in saved files. */
    public static final String FORMAT = "synthtrust-marginal-model";

    private final String method;
    private final Encoder encoder;
    private final int[][] compression;
    private final GraphicalModel model;
    private final ModelProvenance provenance;

    /**
     * @param compression per attribute of the encoder's domain, the compressed code of each original code, or
     *        null (or a null entry) where the domain is not compressed
     */
    public MarginalModel(String method, Encoder encoder, int[][] compression, GraphicalModel model,
            ModelProvenance provenance) {
        this.method = method;
        this.encoder = encoder;
        this.compression = compression == null ? new int[encoder.domain().attributeCount()][] : compression;
        this.model = model;
        this.provenance = provenance;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public int defaultRows() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(model.total())));
    }

    public GraphicalModel graphicalModel() {
        return model;
    }

    public Encoder encoder() {
        return encoder;
    }

    @Override
    public Table sample(int rows, RandomGenerator random) {
        if (rows < 1) {
            throw new org.synthtrust.core.InvalidInputException("rows must be at least 1; got " + rows);
        }
        int[][] codes = model.sample(rows, random);
        return encoder.decode(decompress(codes, random), random);
    }

    private int[][] decompress(int[][] codes, RandomGenerator random) {
        Domain original = encoder.domain();
        for (int attribute = 0; attribute < codes.length; attribute++) {
            int[] map = compression[attribute];
            if (map == null) {
                continue;
            }
            int compressedSize = model.domain().size(attribute);
            List<List<Integer>> members = new ArrayList<>();
            for (int code = 0; code < compressedSize; code++) {
                members.add(new ArrayList<>());
            }
            for (int code = 0; code < original.size(attribute); code++) {
                members.get(map[code]).add(code);
            }
            int[] column = codes[attribute];
            for (int row = 0; row < column.length; row++) {
                List<Integer> candidates = members.get(column[row]);
                column[row] = candidates.size() == 1 ? candidates.get(0)
                        : candidates.get(random.nextInt(candidates.size()));
            }
        }
        return codes;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    /** Saved form; every number in it is a noisy estimate or public metadata. */
    record ModelFile(
            String format,
            @JsonProperty("format_version") int formatVersion,
            String method,
            ModelProvenance provenance,
            List<ColumnCoding> columns,
            @JsonProperty("compressed_domain") Domain compressedDomain,
            int[][] compression,
            @JsonProperty("noisy_total") double noisyTotal,
            int[][] cliques,
            int[] parents,
            @JsonProperty("log_potentials") double[][] logPotentials) { }

    @Override
    public void save(Path file) {
        JunctionTree tree = model.tree();
        Models.writeAtomically(new ModelFile(FORMAT, 1, method, provenance, encoder.columns(), model.domain(),
                compression, model.total(), tree.cliques(), tree.parents(), model.logPotentials()), file);
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
            Encoder encoder = new Encoder(file.columns());
            JunctionTree tree = JunctionTree.restore(file.compressedDomain(), file.cliques(), file.parents());
            GraphicalModel model = new GraphicalModel(tree, file.logPotentials(), file.noisyTotal());
            return new MarginalModel(file.method(), encoder, file.compression(), model, file.provenance());
        }
    }
}
