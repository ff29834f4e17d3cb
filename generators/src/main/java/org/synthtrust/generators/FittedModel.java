package org.synthtrust.generators;

import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.synthtrust.core.table.Table;

/** A fitted synthesizer: a released artefact that contains noisy statistics and public metadata only. */
public interface FittedModel {
    String method();

    /** The model's noisy estimate of the record count, the default sample size; never the true count. */
    int defaultRows();

    /** Draws a synthetic table with the original column names, types and value spellings. */
    Table sample(int rows, RandomGenerator random);

    /** Method, parameters, ledger snapshot, schema, library version and whether the fit was private. */
    ModelProvenance provenance();

    /** Writes the model as JSON; the file is replaced atomically. */
    void save(Path file);
}
