package org.synthtrust.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.CsvDialect;
import org.synthtrust.core.io.CsvWriter;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.trustindex.study.StudyJson;

/**
 * Samples a fitted model and writes the synthetic CSV with its provenance file beside it
 * ({@code NAME.csv} and {@code NAME.provenance.json}), both atomically, as the study folder does. The
 * provenance contains the model's provenance (method, parameters, ledger, private or not) and the sampled row
 * count, which is public because the user chose it or it is the model's noisy estimate.
 */
final class SyntheticOutput {

    /** Provenance released beside a synthetic table; the same fields as in a study folder. */
    record Provenance(String candidate, int repeat, int rows, ModelProvenance model) { }

    private SyntheticOutput() {
    }

    /** {@code out} must name a .csv file; its provenance goes beside it. */
    static Path provenanceFile(Path out) {
        String name = out.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new InvalidInputException("--out " + out + " must be a .csv file name, for example "
                    + name + ".csv");
        }
        return out.resolveSibling(name.substring(0, name.length() - 4) + ".provenance.json");
    }

    /** Samples {@code rows} rows, then writes the table and its provenance; returns the table. */
    static Table sampleAndWrite(FittedModel model, int rows, java.util.random.RandomGenerator random, Path out,
                                CsvDialect dialect, ProgressListener progress, CancellationToken cancel) {
        Path provenance = provenanceFile(out);
        String stage = "sample " + rows + " rows";
        progress.progress(stage, 0);
        cancel.throwIfCancelled();
        Table table = model.sample(rows, random);
        progress.progress(stage, 0.9);
        cancel.throwIfCancelled();
        CsvWriter.write(table, out, dialect == null ? CsvDialect.DEFAULT : dialect, false);
        String name = out.getFileName().toString();
        StudyJson.write(new Provenance(name.substring(0, name.length() - 4), 1, table.rowCount(),
                model.provenance()), provenance);
        progress.progress(stage, 1);
        return table;
    }

    /**
     * The default CSV dialect with a missing-value marker the model's schema reads back: the empty field when
     * the schema accepts it, else its first marker (Adult's schema, for one, declares only "?").
     */
    static CsvDialect dialectFor(FittedModel model) {
        java.util.List<String> markers = model.provenance().schema() == null ? java.util.List.of()
                : model.provenance().schema().missingMarkers();
        String marker = markers.isEmpty() || markers.contains("") ? "" : markers.get(0);
        CsvDialect defaults = CsvDialect.DEFAULT;
        return new CsvDialect(defaults.delimiter(), defaults.quote(), defaults.recordSeparator(),
                defaults.byteOrderMark(), defaults.decimalSeparator(), marker);
    }
}
