package org.synthtrust.generators.dpgan;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GAN training with DP-SGD on the discriminator, after Abadi, Chu, Goodfellow, McMahan, Mironov, Talwar and
 * Zhang (2016), "Deep Learning with Differential Privacy". Each step:
 * <ol>
 *   <li>draws a Poisson sample of the private records, each kept independently with probability q (the
 *       sampling the subsampled-Gaussian accountant assumes; fixed-size shuffled batches would break it);</li>
 *   <li>computes each real record's discriminator gradient, clips it to L2 norm C over all discriminator
 *       parameters, sums, and adds Gaussian noise of standard deviation sigma * C per coordinate;</li>
 *   <li>adds the gradient on generated records, which depends on the private data only through the
 *       already-private discriminator, and divides by the expected batch size q n;</li>
 *   <li>takes an Adam step on the discriminator, then one on the generator with the non-saturating loss
 *       -log D(G(z)); the generator reads the data only through the discriminator (post-processing).</li>
 * </ol>
 * Losses are the logistic (binary cross-entropy) GAN losses of Goodfellow et al. (2014), "Generative
 * Adversarial Nets". With clipping off and sigma = 0 this is ordinary GAN training, used by the non-private
 * comparison method and by tests.
 */
final class GanTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(GanTrainer.class);
    private static final int LOG_EVERY = 50;

    /**
     * @param temperature Gumbel-softmax temperature of the category heads during training
     * @param clipNorm per-example L2 clipping norm C, or 0 for no clipping
     * @param noiseMultiplier sigma; the noise standard deviation is sigma * C (0 for none)
     * @param samplingRate Poisson sampling rate q
     * @param expectedBatch the public expected batch size q n^ used as the gradient divisor and fake batch size
     */
    record Settings(double temperature, int noiseDim, double learningRateGenerator, double learningRateDiscriminator,
            double clipNorm, double noiseMultiplier, double samplingRate, int expectedBatch, long steps) { }

    /** Per-step callback for logging epsilon spent so far. */
    interface StepListener {
        void step(long step, double discriminatorLoss, double generatorLoss);
    }

    private final Mlp generator;
    private final Mlp discriminator;
    private final TableTransform transform;
    private final Settings settings;
    private final DpRandom noise;
    private final RandomGenerator sampling;
    private final SplittableRandom latent;

    GanTrainer(Mlp generator, Mlp discriminator, TableTransform transform, Settings settings, DpRandom noise,
            RandomGenerator sampling) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.transform = transform;
        this.settings = settings;
        this.noise = noise;
        this.sampling = sampling;
        this.latent = new SplittableRandom(sampling.nextLong());
    }

    /** Trains for the planned number of steps on the record vectors {@code data}. */
    void train(double[][] data, ProgressListener progress, CancellationToken cancel, StepListener listener) {
        Adam generatorAdam = new Adam(generator.parameters.length, settings.learningRateGenerator());
        Adam discriminatorAdam = new Adam(discriminator.parameters.length, settings.learningRateDiscriminator());
        double[] dGradient = new double[discriminator.parameters.length];
        double[] gGradient = new double[generator.parameters.length];
        double[] noiseBuffer = new double[discriminator.parameters.length];
        Mlp.Cache dCache = discriminator.newCache();
        Mlp.Cache gCache = generator.newCache();
        double[] z = new double[settings.noiseDim()];
        double[] fake = new double[transform.width()];
        double[] one = new double[1];
        double[] dInputError = new double[transform.width()];
        double[] rawError = new double[transform.width()];
        int fakeBatch = settings.expectedBatch();
        double clip = settings.clipNorm();
        for (long step = 1; step <= settings.steps(); step++) {
            cancel.throwIfCancelled();
            // Discriminator: clipped real gradients plus noise, plus gradients on generated records.
            Arrays.fill(dGradient, 0);
            double realLoss = 0;
            int realCount = 0;
            for (int row = nextSampled(-1, data.length); row < data.length; row = nextSampled(row, data.length)) {
                double logit = discriminator.forward(data[row], dCache)[0];
                realLoss += softplus(-logit);
                one[0] = -sigmoid(-logit);
                discriminator.backward(dCache, one, null);
                double factor = 1;
                if (clip > 0) {
                    double norm = Math.sqrt(discriminator.gradientNormSquared(dCache));
                    factor = norm > clip ? clip / norm : 1;
                }
                discriminator.accumulate(dCache, factor, dGradient);
                realCount++;
            }
            if (settings.noiseMultiplier() > 0) {
                noise.gaussian(settings.noiseMultiplier() * clip, noiseBuffer);
                for (int i = 0; i < dGradient.length; i++) {
                    dGradient[i] += noiseBuffer[i];
                }
            }
            double fakeLoss = 0;
            for (int i = 0; i < fakeBatch; i++) {
                generate(z, gCache, fake);
                double logit = discriminator.forward(fake, dCache)[0];
                fakeLoss += softplus(logit);
                one[0] = sigmoid(logit);
                discriminator.backward(dCache, one, null);
                discriminator.accumulate(dCache, 1, dGradient);
            }
            scale(dGradient, 1.0 / fakeBatch);
            discriminatorAdam.step(discriminator.parameters, dGradient);

            // Generator: non-saturating loss through the discriminator.
            Arrays.fill(gGradient, 0);
            double generatorLoss = 0;
            for (int i = 0; i < fakeBatch; i++) {
                double[] activated = generate(z, gCache, fake);
                double logit = discriminator.forward(activated, dCache)[0];
                generatorLoss += softplus(-logit);
                one[0] = -sigmoid(-logit);
                discriminator.backward(dCache, one, dInputError);
                transform.backwardHeads(activated, dInputError, rawError, settings.temperature());
                generator.backward(gCache, rawError, null);
                generator.accumulate(gCache, 1, gGradient);
            }
            scale(gGradient, 1.0 / fakeBatch);
            generatorAdam.step(generator.parameters, gGradient);

            double dLoss = (realCount > 0 ? realLoss / realCount : 0) + fakeLoss / fakeBatch;
            double gLoss = generatorLoss / fakeBatch;
            if (listener != null) {
                listener.step(step, dLoss, gLoss);
            }
            if (step % LOG_EVERY == 0 || step == settings.steps()) {
                LOG.info("step {} of {}: batch {}, discriminator loss {}, generator loss {}", step, settings.steps(),
                        realCount, String.format("%.4f", dLoss), String.format("%.4f", gLoss));
            }
            progress.progress("train GAN", step / (double) settings.steps());
        }
    }

    /** Draws a latent vector and returns the activated generator output (written into {@code out}). */
    private double[] generate(double[] z, Mlp.Cache cache, double[] out) {
        for (int i = 0; i < z.length; i++) {
            z[i] = latent.nextGaussian();
        }
        double[] raw = generator.forward(z, cache);
        transform.activate(raw, out, latent, settings.temperature());
        return out;
    }

    /** Next row index after {@code previous} kept by Poisson sampling, by geometric skipping; n when none. */
    private int nextSampled(int previous, int n) {
        double q = settings.samplingRate();
        if (q >= 1) {
            return previous + 1;
        }
        double u = sampling.nextDouble();
        // P(gap = k) = (1 - q)^k q, k >= 0, the gap between successive kept rows.
        double gap = Math.floor(Math.log1p(-u) / Math.log1p(-q));
        long next = previous + 1 + (long) Math.min(gap, n);
        return (int) Math.min(next, n);
    }

    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    /** Adam of Kingma and Ba (2015), "Adam: A Method for Stochastic Optimization", with beta1 = 0.5 as in GANs. */
    static final class Adam {
        private static final double BETA1 = 0.5;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;
        private final double[] m;
        private final double[] v;
        private final double rate;
        private long t;

        Adam(int size, double rate) {
            m = new double[size];
            v = new double[size];
            this.rate = rate;
        }

        void step(double[] parameters, double[] gradient) {
            t++;
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            for (int i = 0; i < parameters.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
                parameters[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
            }
        }
    }
}
