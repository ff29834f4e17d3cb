package org.synthtrust.generators.dpgan;

import java.util.random.RandomGenerator;

/**
 * A fully connected network on plain double arrays, with hand-written forward and backward passes. They expose
 * what DP-SGD needs and Smile 3.1.1's MLP does not: the gradient with respect to the input, to train the
 * generator through the discriminator, and per-example gradient norms.
 *
 * <p>Parameters live in one flat array: for each layer the weights (row-major, output by input) and then the
 * biases. Hidden layers use leaky ReLU with slope {@code leak} (0 gives ReLU); the last layer is linear.
 *
 * <p>Per-example gradient norm: for a dense layer with input a and pre-activation error delta, the weight
 * gradient is the outer product delta a^T, whose squared Frobenius norm is |delta|^2 |a|^2, and the bias
 * gradient is delta. So |g|^2 = sum over layers of |delta_l|^2 (|a_l|^2 + 1), with no per-example weight
 * matrices.
 */
final class Mlp {
    final int[] sizes;
    final double leak;
    final double[] parameters;
    private final int[] weightOffset;
    private final int[] biasOffset;

    /** @param sizes layer widths from input to output, at least two entries */
    Mlp(int[] sizes, double leak, RandomGenerator random) {
        this.sizes = sizes.clone();
        this.leak = leak;
        int layers = sizes.length - 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = offset;
            offset += sizes[l] * sizes[l + 1];
            biasOffset[l] = offset;
            offset += sizes[l + 1];
        }
        parameters = new double[offset];
        if (random != null) {
            for (int l = 0; l < layers; l++) {
                // He initialisation, uniform with the variance 2 / fan-in.
                double bound = Math.sqrt(6.0 / sizes[l]);
                for (int i = 0; i < sizes[l] * sizes[l + 1]; i++) {
                    parameters[weightOffset[l] + i] = (2 * random.nextDouble() - 1) * bound;
                }
            }
        }
    }

    int layers() {
        return sizes.length - 1;
    }

    int inputSize() {
        return sizes[0];
    }

    int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Activations and errors of one example. */
    final class Cache {
        /** activations[l] is the input of layer l; activations[layers] is the output. */
        final double[][] activations = new double[sizes.length][];
        /** pre-activations of each layer. */
        final double[][] pre = new double[layers()][];
        /** errors dLoss/dPre of each layer, filled by {@link #backward}. */
        final double[][] deltas = new double[layers()][];

        Cache() {
            for (int l = 0; l < sizes.length; l++) {
                activations[l] = new double[sizes[l]];
            }
            for (int l = 0; l < layers(); l++) {
                pre[l] = new double[sizes[l + 1]];
                deltas[l] = new double[sizes[l + 1]];
            }
        }
    }

    Cache newCache() {
        return new Cache();
    }

    /** Runs the network on {@code input} and returns the output array held by the cache. */
    double[] forward(double[] input, Cache cache) {
        System.arraycopy(input, 0, cache.activations[0], 0, sizes[0]);
        for (int l = 0; l < layers(); l++) {
            double[] in = cache.activations[l];
            double[] z = cache.pre[l];
            double[] out = cache.activations[l + 1];
            int inSize = sizes[l];
            int w = weightOffset[l];
            boolean last = l == layers() - 1;
            for (int o = 0; o < sizes[l + 1]; o++) {
                double sum = parameters[biasOffset[l] + o];
                int row = w + o * inSize;
                for (int i = 0; i < inSize; i++) {
                    sum += parameters[row + i] * in[i];
                }
                z[o] = sum;
                out[o] = last || sum > 0 ? sum : leak * sum;
            }
        }
        return cache.activations[layers()];
    }

    /**
     * Back-propagates {@code outputError} (dLoss/dOutput) into the cache's errors and, when {@code inputError}
     * is not null, writes dLoss/dInput into it.
     */
    void backward(Cache cache, double[] outputError, double[] inputError) {
        int top = layers() - 1;
        System.arraycopy(outputError, 0, cache.deltas[top], 0, sizes[top + 1]);
        for (int l = top; l >= 0; l--) {
            double[] delta = cache.deltas[l];
            int inSize = sizes[l];
            int w = weightOffset[l];
            double[] below = l > 0 ? cache.deltas[l - 1] : inputError;
            if (below == null) {
                break;
            }
            java.util.Arrays.fill(below, 0, inSize, 0.0);
            for (int o = 0; o < sizes[l + 1]; o++) {
                double d = delta[o];
                if (d == 0) {
                    continue;
                }
                int row = w + o * inSize;
                for (int i = 0; i < inSize; i++) {
                    below[i] += parameters[row + i] * d;
                }
            }
            if (l > 0) {
                double[] z = cache.pre[l - 1];
                for (int i = 0; i < inSize; i++) {
                    if (z[i] <= 0) {
                        below[i] *= leak;
                    }
                }
            }
        }
    }

    /** Squared L2 norm of this example's gradient over all parameters, from the factorisation above. */
    double gradientNormSquared(Cache cache) {
        double total = 0;
        for (int l = 0; l < layers(); l++) {
            double deltaNorm = 0;
            for (double d : cache.deltas[l]) {
                deltaNorm += d * d;
            }
            double inputNorm = 0;
            for (double a : cache.activations[l]) {
                inputNorm += a * a;
            }
            total += deltaNorm * (inputNorm + 1);
        }
        return total;
    }

    /** Adds {@code factor} times this example's parameter gradient to {@code gradient}. */
    void accumulate(Cache cache, double factor, double[] gradient) {
        for (int l = 0; l < layers(); l++) {
            double[] delta = cache.deltas[l];
            double[] in = cache.activations[l];
            int inSize = sizes[l];
            int w = weightOffset[l];
            for (int o = 0; o < sizes[l + 1]; o++) {
                double d = delta[o] * factor;
                if (d == 0) {
                    continue;
                }
                int row = w + o * inSize;
                for (int i = 0; i < inSize; i++) {
                    gradient[row + i] += d * in[i];
                }
                gradient[biasOffset[l] + o] += d;
            }
        }
    }
}
