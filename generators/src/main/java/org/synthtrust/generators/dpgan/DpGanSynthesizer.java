package org.synthtrust.generators.dpgan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.domain.Encoder;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.privacy.RdpAccountant;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.DpBoundsOption;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.generators.Models;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Parameters;
import org.synthtrust.generators.Synthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small GAN trained with DP-SGD on the discriminator (Abadi et al. 2016, "Deep Learning with Differential
 * Privacy"), with Poisson sampling and per-example clipping.
 *
 * <p>Accounting: a noisy record count n^ (discrete Gaussian, share {@code total_share} of the budget's rho)
 * fixes the public sampling rate q = batch_size / n^ (or the user's {@code sampling_rate}) and the step count
 * T = epochs / q (or the user's {@code steps}). The noise multiplier sigma is then the smallest for which the
 * RDP curve of T Poisson-subsampled Gaussian steps, composed with the count, fits (epsilon, delta). So the
 * whole budget is used, and all of it is charged to the ledger before training. The gradient noise is a continuous
 * Gaussian drawn from the ledger's randomness; its floating-point caveat is recorded in the ledger notes.
 *
 * <p>The non-private comparison method {@code dpgan-nonprivate} trains the same networks without clipping or
 * noise and labels its model and output not differentially private.
 */
public class DpGanSynthesizer implements Synthesizer {
    public static final String ID = "dpgan";

    private static final Logger LOG = LoggerFactory.getLogger(DpGanSynthesizer.class);
    /** Slope of the leaky ReLU in both networks. */
    static final double LEAK = 0.2;

    private static final List<ParameterDescriptor> PARAMETERS = DpBoundsOption.appendTo(List.of(
            ParameterDescriptor.ofDouble("epochs", 3, 0, 100_000,
                    "passes over the data in expectation; steps = epochs / sampling rate"),
            ParameterDescriptor.ofInt("steps", 0, 0, 10_000_000,
                    "optimiser steps; 0 derives them from epochs"),
            ParameterDescriptor.ofInt("batch_size", 128, 1, 1_000_000,
                    "expected batch size of Poisson sampling, in records"),
            ParameterDescriptor.ofDouble("sampling_rate", 0, 0, 1,
                    "Poisson sampling rate; 0 uses batch_size divided by the noisy record count"),
            ParameterDescriptor.ofDouble("learning_rate_generator", 2e-3, 1e-6, 1,
                    "Adam step size of the generator"),
            ParameterDescriptor.ofDouble("learning_rate_discriminator", 2e-3, 1e-6, 1,
                    "Adam step size of the discriminator"),
            ParameterDescriptor.ofDouble("clip_norm", 1.0, 1e-6, 1e6,
                    "per-example L2 clipping norm C of the discriminator gradient"),
            ParameterDescriptor.ofDouble("noise_multiplier", 0, 0, 1e6,
                    "gradient noise standard deviation divided by C; 0 derives the smallest that fits the budget"),
            ParameterDescriptor.ofInt("generator_hidden", 128, 2, 4096, "units per hidden layer of the generator"),
            ParameterDescriptor.ofInt("discriminator_hidden", 128, 2, 4096,
                    "units per hidden layer of the discriminator"),
            ParameterDescriptor.ofInt("hidden_layers", 2, 1, 6, "hidden layers in each network"),
            ParameterDescriptor.ofDouble("temperature", 0.2, 0.01, 10,
                    "Gumbel-softmax temperature of the generator's category outputs during training"),
            ParameterDescriptor.ofInt("noise_dim", 32, 1, 4096, "size of the generator's latent Gaussian input"),
            ParameterDescriptor.ofDouble("total_share", 0.01, 0.001, 0.5,
                    "share of the budget's rho spent on the noisy record count")));

    private final boolean isPrivate;

    public DpGanSynthesizer() {
        this(true);
    }

    DpGanSynthesizer(boolean isPrivate) {
        this.isPrivate = isPrivate;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "DP-GAN: a small dense GAN whose discriminator is trained with DP-SGD (Abadi et al. 2016), "
                + "RDP accounting of the Poisson-subsampled Gaussian.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
            ProgressListener progress, CancellationToken cancel) {
        Parameters parameters = Parameters.resolve(id(), PARAMETERS, params);
        if (isPrivate) {
            ledger.budget().requirePositiveDelta("DP-GAN (DP-SGD)");
        }
        int batch = parameters.getInt("batch_size");
        double epochs = parameters.getDouble("epochs");
        long userSteps = parameters.getInt("steps");
        if (userSteps == 0 && epochs == 0) {
            throw new InvalidInputException("method '" + id() + "' would run zero optimiser steps: epochs = 0 and "
                    + "steps = 0; set epochs > 0 or steps >= 1");
        }
        if (batch > train.rowCount()) {
            throw new InvalidInputException("DP-GAN needs at least batch_size = " + batch + " rows; the training "
                    + "table has " + train.rowCount() + ". Lower batch_size below the row count or use a marginal "
                    + "method for a table this small.");
        }
        DpBoundsOption.Result coded = DpBoundsOption.encoder(id(), schema, train, ledger, parameters);
        Encoder encoder = coded.encoder();
        TableTransform transform = new TableTransform(encoder);
        double[][] data = transform.encode(train);

        double noisyTotal;
        if (isPrivate) {
            double sigma = Math.sqrt(1 / (2 * parameters.getDouble("total_share") * ledger.remainingRho()));
            noisyTotal = Math.max(1, ledger.noisyTotal("DP-GAN record count", train.rowCount(), sigma));
        } else {
            noisyTotal = train.rowCount();
        }
        double q = parameters.getDouble("sampling_rate");
        if (q == 0) {
            q = Math.min(1, batch / noisyTotal);
        }
        int expectedBatch = (int) Math.max(1, Math.round(q * noisyTotal));
        long steps = userSteps > 0 ? userSteps : Math.round(epochs / q);
        if (steps < 1) {
            throw new InvalidInputException(String.format(Locale.ROOT, "method '%s' would run zero optimiser steps: "
                    + "epochs = %s at sampling rate %.4g rounds to 0 steps; raise epochs or set steps >= 1", id(),
                    parameters.get("epochs"), q));
        }

        double clip = isPrivate ? parameters.getDouble("clip_norm") : 0;
        double noiseMultiplier = 0;
        if (isPrivate) {
            noiseMultiplier = parameters.getDouble("noise_multiplier");
            if (noiseMultiplier == 0) {
                noiseMultiplier = ledger.noiseMultiplierFor(q, steps);
            }
            ledger.chargeSubsampledGaussian("DP-GAN discriminator gradients", q, noiseMultiplier, steps);
        }
        LOG.info("{}: {} steps, sampling rate {}, expected batch {}, noise multiplier {}, ledger epsilon {}", id(),
                steps, q, expectedBatch, noiseMultiplier, isPrivate ? ledger.totalEpsilon() : "not private");

        RandomGenerator random = ledger.random().generator();
        int layers = parameters.getInt("hidden_layers");
        Mlp generator = new Mlp(shape(parameters.getInt("noise_dim"), parameters.getInt("generator_hidden"), layers,
                transform.width()), LEAK, random);
        Mlp discriminator = new Mlp(shape(transform.width(), parameters.getInt("discriminator_hidden"), layers, 1),
                LEAK, random);
        GanTrainer.Settings settings = new GanTrainer.Settings(parameters.getDouble("temperature"),
                parameters.getInt("noise_dim"),
                parameters.getDouble("learning_rate_generator"), parameters.getDouble("learning_rate_discriminator"),
                clip, noiseMultiplier, q, expectedBatch, steps);
        double finalSigma = noiseMultiplier;
        double finalQ = q;
        double delta = ledger.budget().delta();
        new GanTrainer(generator, discriminator, transform, settings, ledger.random(), random).train(data, progress,
                cancel, (step, dLoss, gLoss) -> {
                    if (isPrivate && (step % 100 == 0 || step == settings.steps())) {
                        LOG.info("{}: step {}: epsilon of the gradient steps so far {}", ID, step,
                                String.format(Locale.ROOT, "%.4f",
                                        RdpAccountant.epsilon(finalQ, finalSigma, step, delta)));
                    }
                });

        List<String> notices = new ArrayList<>();
        if (coded.notice() != null) {
            notices.add(coded.notice());
        }
        if (!encoder.uncoveredColumns().isEmpty()) {
            notices.add("The domains of columns " + encoder.uncoveredColumns() + " were read from the data, so the "
                    + "differential privacy guarantee does not cover which values they contain.");
        }
        if (!isPrivate) {
            notices.add("Not differentially private: trained without clipping or noise, for comparison only. The "
                    + "default sample size is the exact training row count.");
        } else if (ledger.isTestMode()) {
            notices.add("Seeded test mode: the noise is reproducible and the output is not differentially private.");
        }
        Map<String, String> resolved = new LinkedHashMap<>(parameters.asMap());
        resolved.put("steps_run", Long.toString(steps));
        resolved.put("sampling_rate_used", Double.toString(q));
        resolved.put("noise_multiplier_used", Double.toString(noiseMultiplier));
        JsonNode ledgerJson = Models.MAPPER.valueToTree(ledger.snapshot());
        ModelProvenance provenance = new ModelProvenance(id(), Map.copyOf(resolved), ledger.budget().epsilon(),
                ledger.budget().delta(), ledgerJson, isPrivate && !ledger.isTestMode(), encoder.uncoveredColumns(),
                List.copyOf(notices), schema, ModelProvenance.currentVersion());
        return new GanModel(id(), encoder, generator, noisyTotal, provenance);
    }

    static int[] shape(int input, int hidden, int layers, int output) {
        int[] sizes = new int[layers + 2];
        sizes[0] = input;
        for (int l = 1; l <= layers; l++) {
            sizes[l] = hidden;
        }
        sizes[layers + 1] = output;
        return sizes;
    }
}
