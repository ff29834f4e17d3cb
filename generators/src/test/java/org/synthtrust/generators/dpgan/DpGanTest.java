package org.synthtrust.generators.dpgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.domain.ColumnCoding;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.io.CsvReader;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.LedgerEntry;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.privacy.RdpAccountant;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.Models;
import org.synthtrust.generators.Synthesizers;

class DpGanTest {
    private static final String PLANTED_ID = "ZQXIDENT7731";
    private static final String PLANTED_NOTE = "QQSECRETNOTE5519";
    private static final Map<String, String> TINY = Map.of("generator_hidden", "8", "discriminator_hidden", "8",
            "hidden_layers", "1", "noise_dim", "4", "batch_size", "50", "steps", "5");

    /** Builds the transform of one categorical (3 levels) and one nullable real column. */
    private static TableTransform smallTransform() {
        return new TableTransform(new Encoder(List.of(
                new ColumnCoding("kind", "categorical", false, List.of("x", "y", "z"), null, null, null, false, false),
                new ColumnCoding("size", "real", false, null, new double[] {0, 5, 10}, 0.0, 10.0, true, false))));
    }

    private static Mlp randomMlp(int[] sizes, long seed) {
        return new Mlp(sizes, 0.2, new SplittableRandom(seed));
    }

    private static double loss(Mlp d, double[] input) {
        return GanTrainer.softplus(-d.forward(input, d.newCache())[0]);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        Mlp d = randomMlp(new int[] {4, 6, 5, 1}, 3);
        double[] x = {0.3, -0.7, 0.2, 0.9};
        Mlp.Cache cache = d.newCache();
        double logit = d.forward(x, cache)[0];
        double[] inputGradient = new double[4];
        d.backward(cache, new double[] {-GanTrainer.sigmoid(-logit)}, inputGradient);
        double[] gradient = new double[d.parameters.length];
        d.accumulate(cache, 1, gradient);
        double h = 1e-6;
        for (int i = 0; i < d.parameters.length; i++) {
            double saved = d.parameters[i];
            d.parameters[i] = saved + h;
            double up = loss(d, x);
            d.parameters[i] = saved - h;
            double down = loss(d, x);
            d.parameters[i] = saved;
            assertEquals((up - down) / (2 * h), gradient[i], 1e-6, "parameter " + i);
        }
        for (int i = 0; i < x.length; i++) {
            double[] shifted = x.clone();
            shifted[i] += h;
            double up = loss(d, shifted);
            shifted[i] -= 2 * h;
            double down = loss(d, shifted);
            assertEquals((up - down) / (2 * h), inputGradient[i], 1e-6, "input " + i);
        }
    }

    @Test
    void generatorGradientThroughHeads() {
        TableTransform transform = smallTransform();
        Mlp g = randomMlp(new int[] {3, 5, transform.width()}, 5);
        Mlp d = randomMlp(new int[] {transform.width(), 4, 1}, 6);
        double[] z = {0.4, -1.1, 0.6};
        java.util.function.DoubleSupplier objective = () -> {
            double[] out = new double[transform.width()];
            transform.activate(g.forward(z, g.newCache()), out, null, 0.5);
            return loss(d, out);
        };

        Mlp.Cache gCache = g.newCache();
        Mlp.Cache dCache = d.newCache();
        double[] out = new double[transform.width()];
        transform.activate(g.forward(z, gCache), out, null, 0.5);
        double logit = d.forward(out, dCache)[0];
        double[] inputError = new double[transform.width()];
        d.backward(dCache, new double[] {-GanTrainer.sigmoid(-logit)}, inputError);
        double[] rawError = new double[transform.width()];
        transform.backwardHeads(out, inputError, rawError, 0.5);
        g.backward(gCache, rawError, null);
        double[] gradient = new double[g.parameters.length];
        g.accumulate(gCache, 1, gradient);

        double h = 1e-6;
        for (int i = 0; i < g.parameters.length; i++) {
            double saved = g.parameters[i];
            g.parameters[i] = saved + h;
            double up = objective.getAsDouble();
            g.parameters[i] = saved - h;
            double down = objective.getAsDouble();
            g.parameters[i] = saved;
            assertEquals((up - down) / (2 * h), gradient[i], 1e-6, "generator parameter " + i);
        }
    }

    @Test
    void clippedNormsStayWithinBound() {
        Mlp d = randomMlp(new int[] {6, 7, 7, 1}, 8);
        SplittableRandom random = new SplittableRandom(9);
        double clip = 0.5;
        Mlp.Cache cache = d.newCache();
        for (int example = 0; example < 200; example++) {
            double[] x = new double[6];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() * 3;
            }
            double logit = d.forward(x, cache)[0];
            d.backward(cache, new double[] {-GanTrainer.sigmoid(-logit)}, null);
            double factorised = Math.sqrt(d.gradientNormSquared(cache));
            double[] full = new double[d.parameters.length];
            d.accumulate(cache, 1, full);
            assertEquals(norm(full), factorised, 1e-9 * Math.max(1, factorised));
            double factor = factorised > clip ? clip / factorised : 1;
            double[] clipped = new double[d.parameters.length];
            d.accumulate(cache, factor, clipped);
            assertTrue(norm(clipped) <= clip * (1 + 1e-12), "clipped norm " + norm(clipped));
        }
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** Writes 400 rows with an identifier, an ignored text column, a categorical and a bounded real column. */
    private static Table plantedTable(Path directory, Schema[] schemaOut) throws IOException {
        SplittableRandom random = new SplittableRandom(12);
        StringBuilder csv = new StringBuilder("id,kind,size,note\n");
        for (int row = 0; row < 400; row++) {
            String kind = List.of("x", "y", "z").get(random.nextInt(3));
            String size = row % 17 == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", random.nextDouble() * 10);
            csv.append(row == 5 ? PLANTED_ID : "r" + row).append(',').append(kind).append(',').append(size)
                    .append(',').append(row == 5 ? PLANTED_NOTE : "n").append('\n');
        }
        Files.writeString(directory.resolve("planted.csv"), csv);
        Files.writeString(directory.resolve("planted.schema.json"), "{\"columns\": {"
                + "\"id\": {\"type\": \"text\", \"roles\": [\"identifier\"]},"
                + "\"kind\": {\"type\": \"categorical\", \"categories\": [\"x\", \"y\", \"z\"]},"
                + "\"size\": {\"type\": \"real\", \"nullable\": true, \"bounds\": [0, 10]},"
                + "\"note\": {\"type\": \"text\", \"roles\": [\"ignore\"]}}}");
        schemaOut[0] = SchemaIO.read(directory.resolve("planted.schema.json"));
        return CsvReader.readTable(directory.resolve("planted.csv"), schemaOut[0]);
    }

    @Test
    void ledgerMatchesIndependentAccountant(@TempDir Path directory) throws IOException {
        Schema[] schema = new Schema[1];
        Table table = plantedTable(directory, schema);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(2.0, 1e-5), DpRandom.seededForTesting(1));
        FittedModel model = Synthesizers.byId("dpgan").fit(table, schema[0], ledger, TINY, ProgressListener.NONE,
                CancellationToken.NONE);
        Map<String, String> used = model.provenance().parameters();
        double q = Double.parseDouble(used.get("sampling_rate_used"));
        double sigma = Double.parseDouble(used.get("noise_multiplier_used"));
        long steps = Long.parseLong(used.get("steps_run"));
        assertEquals(5, steps);
        double countRho = ledger.entries().stream().filter(e -> e.costType().equals("zcdp_rho"))
                .mapToDouble(LedgerEntry::cost).sum();
        double[] orders = RdpAccountant.LEDGER_ORDERS;
        double[] curve = RdpAccountant.subsampledGaussian(q, sigma, steps, orders);
        for (int k = 0; k < orders.length; k++) {
            curve[k] += countRho * orders[k];
        }
        double independent = RdpAccountant.epsilonFor(curve, orders, 1e-5);
        assertEquals(independent, ledger.totalEpsilon(), 1e-9);
        assertTrue(ledger.totalEpsilon() <= 2.0 * (1 + 1e-9));
        assertTrue(ledger.totalEpsilon() >= 2.0 * 0.999, "the whole budget is used: " + ledger.totalEpsilon());
    }

    @Test
    void plantedValuesNeverReleased(@TempDir Path directory) throws IOException {
        Schema[] schema = new Schema[1];
        Table table = plantedTable(directory, schema);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(2.0, 1e-5), DpRandom.seededForTesting(2));
        FittedModel model = Synthesizers.byId("dpgan").fit(table, schema[0], ledger, TINY, ProgressListener.NONE,
                CancellationToken.NONE);
        Path file = directory.resolve("gan.json");
        model.save(file);
        String saved = Files.readString(file);
        assertFalse(saved.contains(PLANTED_ID));
        assertFalse(saved.contains(PLANTED_NOTE));
        FittedModel loaded = Models.load(file);
        Table synthetic = loaded.sample(500, new SplittableRandom(3));
        assertEquals(List.of("id", "kind", "size"), synthetic.columnNames());
        for (var column : synthetic.columns()) {
            for (int row = 0; row < synthetic.rowCount(); row++) {
                assertFalse(PLANTED_ID.equals(column.format(row)) || PLANTED_NOTE.equals(column.format(row)));
            }
        }
        Table first = model.sample(50, new SplittableRandom(4));
        Table second = loaded.sample(50, new SplittableRandom(4));
        for (int row = 0; row < 50; row++) {
            assertEquals(first.column("size").format(row), second.column("size").format(row));
            assertEquals(first.column("kind").format(row), second.column("kind").format(row));
        }
    }

    @Test
    void batchLargerThanTableRejected(@TempDir Path directory) throws IOException {
        Path schemaFile = directory.resolve("C15.schema.json");
        Files.writeString(schemaFile, "{\"columns\": {"
                + "\"plan\": {\"type\": \"categorical\", \"categories\": [\"basic\", \"plus\", \"premium\"]},"
                + "\"seats\": {\"type\": \"integer\", \"bounds\": [1, 10]},"
                + "\"monthly_fee\": {\"type\": \"real\", \"bounds\": [0, 50]}}}");
        Schema schema = SchemaIO.read(schemaFile);
        Table table = CsvReader.readTable(Path.of("/work/shared/cases/inputs/C15.csv"), schema);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(3.0, 1e-5), DpRandom.seededForTesting(1));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Synthesizers.byId("dpgan")
                .fit(table, schema, ledger, Map.of("batch_size", "500", "epochs", "50"), ProgressListener.NONE,
                        CancellationToken.NONE));
        assertTrue(error.getMessage().contains("batch_size = 500"), error.getMessage());
        assertTrue(error.getMessage().contains("has 7"), error.getMessage());
        assertTrue(ledger.entries().isEmpty(), "nothing may be measured before the check");
    }

    @Test
    void zeroStepsRejected(@TempDir Path directory) throws IOException {
        Schema[] schema = new Schema[1];
        Table table = plantedTable(directory, schema);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(2.0, 1e-5), DpRandom.seededForTesting(1));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Synthesizers.byId("dpgan")
                .fit(table, schema[0], ledger, Map.of("epochs", "0", "steps", "0"), ProgressListener.NONE,
                        CancellationToken.NONE));
        assertTrue(error.getMessage().contains("zero optimiser steps"), error.getMessage());
    }

    @Test
    void progressAndCancellationPerStep(@TempDir Path directory) throws IOException {
        Schema[] schema = new Schema[1];
        Table table = plantedTable(directory, schema);
        List<Double> fractions = new java.util.ArrayList<>();
        CancellationToken cancel = new CancellationToken();
        ProgressListener listener = (stage, fraction) -> {
            if (stage.equals("train GAN")) {
                fractions.add(fraction);
                if (fractions.size() == 3) {
                    cancel.cancel();
                }
            }
        };
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(2.0, 1e-5), DpRandom.seededForTesting(3));
        assertThrows(org.synthtrust.core.progress.CancelledException.class, () -> Synthesizers.byId("dpgan")
                .fit(table, schema[0], ledger, TINY, listener, cancel));
        // Five steps are planned: the fourth checks the token and stops.
        assertEquals(List.of(0.2, 0.4, 0.6), fractions);
    }

    @Test
    void nonPrivateModeLabelled(@TempDir Path directory) throws IOException {
        Schema[] schema = new Schema[1];
        Table table = plantedTable(directory, schema);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(2.0, 1e-5), DpRandom.secure());
        FittedModel model = Synthesizers.byId("dpgan-nonprivate").fit(table, schema[0], ledger, TINY,
                ProgressListener.NONE, CancellationToken.NONE);
        assertFalse(model.provenance().isPrivate());
        assertTrue(model.provenance().notices().stream().anyMatch(n -> n.startsWith("Not differentially private")));
    }

    @Test
    void learnsTwoModes() {
        TableTransform transform = new TableTransform(new Encoder(List.of(
                new ColumnCoding("x", "real", false, null, new double[] {-1, 0, 1}, -1.0, 1.0, false, false))));
        SplittableRandom random = new SplittableRandom(21);
        double[][] data = new double[2000][1];
        for (double[] row : data) {
            row[0] = (random.nextBoolean() ? 0.6 : -0.6) + 0.05 * random.nextGaussian();
        }
        Mlp g = new Mlp(new int[] {4, 32, 32, 1}, 0.2, random);
        Mlp d = new Mlp(new int[] {1, 32, 32, 1}, 0.2, random);
        GanTrainer.Settings settings = new GanTrainer.Settings(0.2, 4, 2e-3, 2e-3, 0, 0, 64.0 / 2000, 64, 1500);
        new GanTrainer(g, d, transform, settings, DpRandom.seededForTesting(5), random).train(data,
                ProgressListener.NONE, CancellationToken.NONE, null);

        Mlp.Cache cache = g.newCache();
        double[] out = new double[1];
        int low = 0;
        int high = 0;
        int middle = 0;
        for (int i = 0; i < 2000; i++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            transform.activate(g.forward(z, cache), out);
            if (out[0] > -0.85 && out[0] < -0.35) {
                low++;
            } else if (out[0] > 0.35 && out[0] < 0.85) {
                high++;
            } else if (Math.abs(out[0]) < 0.25) {
                middle++;
            }
        }
        // The data have half their mass in each mode window and almost none within 0.25 of zero.
        assertTrue(low > 500, "draws near -0.6: " + low);
        assertTrue(high > 500, "draws near 0.6: " + high);
        assertTrue(middle < 300, "mass between the modes " + middle);
    }
}
