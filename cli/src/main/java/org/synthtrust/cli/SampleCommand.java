package org.synthtrust.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synthtrust sample}: draws a new synthetic table from a saved model. Sampling is post-processing of
 * the released model, so it spends no privacy budget.
 */
@Command(name = "sample",
        mixinStandardHelpOptions = true,
        description = "Draw a synthetic table from a saved model (no privacy cost).")
public final class SampleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "Model file written by 'generate --model-out'.")
    private Path modelFile;

    @Option(names = "--rows", paramLabel = "N",
            description = "Synthetic rows to write (default: the model's noisy estimate of the row count).")
    private Integer rows;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Synthetic CSV file to write.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for reproducible sampling (sampling spends no budget, so this keeps the model's privacy).")
    private Long seed;

    @Override
    public Integer call() {
        if (rows != null && rows < 1) {
            throw new InvalidInputException("--rows must be at least 1; got " + rows);
        }
        CliContext context = CliContext.current();
        SyntheticOutput.provenanceFile(out);
        FittedModel model = Models.load(modelFile);
        int count = rows == null ? model.defaultRows() : rows;
        DpRandom random = seed == null ? DpRandom.secure() : DpRandom.seededForTesting(seed);
        if (!model.provenance().isPrivate()) {
            context.warn("the model " + modelFile + " was fitted in seeded test mode; its samples are "
                    + DpRandom.NOT_PRIVATE_LABEL + ".");
        }
        SyntheticOutput.sampleAndWrite(model, count, random.generator(), out, SyntheticOutput.dialectFor(model),
                context.progress(),
                context.cancel());
        context.out().println("wrote " + count + " synthetic rows from " + model.method() + " model " + modelFile
                + " to " + out + " with its provenance in " + SyntheticOutput.provenanceFile(out).getFileName());
        return Main.EXIT_OK;
    }
}
