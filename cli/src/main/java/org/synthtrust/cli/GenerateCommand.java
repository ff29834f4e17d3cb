package org.synthtrust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.CsvOptions;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.io.ReadResult;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.LedgerEntry;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.Synthesizer;
import org.synthtrust.generators.Synthesizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synthtrust generate}: fits one synthesizer on a private CSV file under an (epsilon, delta) budget,
 * writes a synthetic table and optionally the model, and prints the privacy ledger.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = "Fit a differentially private synthesizer and write a synthetic table.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "Private CSV file to learn from (UTF-8).")
    private Path data;

    @Option(names = "--schema", paramLabel = "FILE", required = true,
            description = "Schema file declaring types, roles and the public domain of every column.")
    private Path schemaFile;

    @Option(names = "--method", paramLabel = "ID", required = true,
            description = "Synthesizer id: independent, mst, aim, privbayes, dpgan (see 'synthtrust methods').")
    private String method;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Synthesizer parameter; repeat for several.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--epsilon", paramLabel = "E", required = true, description = "Privacy budget epsilon (> 0).")
    private String epsilon;

    @Option(names = "--delta", paramLabel = "D", required = true,
            description = "Privacy budget delta, in [0, 1/rows); zCDP methods need delta > 0.")
    private String delta;

    @Option(names = "--allow-large-delta", description = "Accept delta >= 1/rows (weak; not recommended).")
    private boolean allowLargeDelta;

    @Option(names = "--rows", paramLabel = "N",
            description = "Synthetic rows to write (default: the model's noisy estimate of the row count).")
    private Integer rows;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Synthetic CSV file to write.")
    private Path out;

    @Option(names = "--model-out", paramLabel = "MODEL.json", description = "Also save the fitted model as JSON.")
    private Path modelOut;

    @Option(names = "--skip-heap-check",
            description = "Start even when the heap estimated from the input size exceeds the JVM's maximum heap.")
    private boolean skipHeapCheck;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seeded test mode: reproducible noise, and the output is NOT differentially private.")
    private Long seed;

    @Override
    public Integer call() {
        CliContext context = CliContext.current();
        PrintWriter stdout = context.out();
        if (rows != null && rows < 1) {
            throw new InvalidInputException("--rows must be at least 1; got " + rows);
        }
        Synthesizer synthesizer = Synthesizers.byId(method);
        PrivacyBudget budget = PrivacyBudget.parse(epsilon, delta);
        SyntheticOutput.provenanceFile(out);
        if (!skipHeapCheck) {
            HeapCheck.require(data, 1, Runtime.getRuntime().maxMemory(), "generate");
        }
        Schema schema = SchemaIO.read(schemaFile);
        ReadResult read = CsvReader.read(data, schema, CsvOptions.defaults(), context.progress(), context.cancel());
        budget.checkDeltaForRows(read.table().rowCount(), allowLargeDelta);
        if (budget.isWeak()) {
            context.warn("epsilon = " + epsilon + " is above " + PrivacyBudget.WEAK_EPSILON
                    + "; the guarantee is weak.");
        }
        DpRandom random = seed == null ? DpRandom.secure() : DpRandom.seededForTesting(seed);
        if (!random.isPrivate()) {
            context.warn("--seed selects seeded test mode; the output is " + DpRandom.NOT_PRIVATE_LABEL + ".");
        }
        PrivacyLedger ledger = new PrivacyLedger(budget, random);

        FittedModel model = synthesizer.fit(read.table(), schema, ledger, params, context.progress(),
                context.cancel());
        int count = rows == null ? model.defaultRows() : rows;
        if (modelOut != null) {
            model.save(modelOut);
        }
        SyntheticOutput.sampleAndWrite(model, count, random.generator(), out, read.dialect(), context.progress(),
                context.cancel());

        stdout.println("wrote " + count + " synthetic rows to " + out
                + " with its provenance in " + SyntheticOutput.provenanceFile(out).getFileName()
                + (modelOut == null ? "" : ", and the model to " + modelOut));
        for (String notice : model.provenance().notices()) {
            stdout.println("note: " + notice);
        }
        printLedger(stdout, ledger);
        return Main.EXIT_OK;
    }

    /** Prints every ledger entry and the composed total. */
    static void printLedger(PrintWriter out, PrivacyLedger ledger) {
        out.println("privacy ledger (" + ledger.accounting() + ", " + ledger.random().privacyLabel() + "):");
        out.printf(java.util.Locale.ROOT, "  %-22s %-48s %12s %14s %10s%n", "mechanism", "query", "noise scale",
                "cost", "epsilon");
        for (LedgerEntry entry : ledger.entries()) {
            out.printf(java.util.Locale.ROOT, "  %-22s %-48s %12.4g %14.6g %10.6f%n", entry.mechanism(),
                    abbreviate(entry.query(), 48), entry.noiseScale(), entry.cost(), entry.runningEpsilon());
        }
        out.printf(java.util.Locale.ROOT, "  total: epsilon = %.6f at delta = %s (budget epsilon = %s)%n",
                ledger.totalEpsilon(), ledger.totalDelta(), ledger.budget().epsilon());
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
