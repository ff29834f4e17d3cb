package org.synthtrust.generators.pgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.domain.Domain;
import org.synthtrust.core.progress.CancellationToken;

class GraphicalModelTest {

    /** Random cliques of two or three attributes over a small domain, plus potentials drawn in [-2, 2]. */
    private static GraphicalModel randomModel(Domain domain, int cliqueCount, long seed, double total) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> cliques = new ArrayList<>();
        for (int i = 0; i < cliqueCount; i++) {
            int width = 2 + random.nextInt(2);
            int[] attributes = new int[width];
            for (int j = 0; j < width; j++) {
                attributes[j] = random.nextInt(domain.attributeCount());
            }
            cliques.add(Cliques.normalize(attributes));
        }
        JunctionTree tree = JunctionTree.build(domain, cliques);
        double[][] potentials = new double[tree.size()][];
        for (int c = 0; c < tree.size(); c++) {
            potentials[c] = new double[Cliques.cells(domain, tree.clique(c))];
            for (int cell = 0; cell < potentials[c].length; cell++) {
                potentials[c][cell] = random.nextDouble(-2, 2);
            }
        }
        return new GraphicalModel(tree, potentials, total);
    }

    /** Joint distribution by enumeration, scaled to the model's total. */
    private static double[] bruteForceJoint(GraphicalModel model) {
        Domain domain = model.domain();
        int[] all = new int[domain.attributeCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] logJoint = new double[Cliques.cells(domain, all)];
        JunctionTree tree = model.tree();
        for (int c = 0; c < tree.size(); c++) {
            int[] map = Cliques.projectionMap(domain, all, tree.clique(c));
            for (int cell = 0; cell < logJoint.length; cell++) {
                logJoint[cell] += model.logPotentials()[c][map[cell]];
            }
        }
        double sum = 0;
        double[] joint = new double[logJoint.length];
        for (int cell = 0; cell < joint.length; cell++) {
            joint[cell] = Math.exp(logJoint[cell]);
            sum += joint[cell];
        }
        for (int cell = 0; cell < joint.length; cell++) {
            joint[cell] *= model.total() / sum;
        }
        return joint;
    }

    private static double[] bruteForceMarginal(Domain domain, double[] joint, int[] attributes) {
        int[] all = new int[domain.attributeCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new Factor(all, joint).sumOnto(domain, attributes).values;
    }

    @Test
    void beliefPropagationMatchesEnumeration() {
        Domain domain = Domain.ofSizes(2, 3, 4, 2, 3, 2);
        for (long seed = 1; seed <= 20; seed++) {
            GraphicalModel model = randomModel(domain, 4, seed, 1000.0);
            double[] joint = bruteForceJoint(model);
            JunctionTree tree = model.tree();
            for (int c = 0; c < tree.size(); c++) {
                double[] expected = bruteForceMarginal(domain, joint, tree.clique(c));
                double[] actual = model.marginals()[c];
                for (int cell = 0; cell < expected.length; cell++) {
                    assertEquals(expected[cell], actual[cell], 1e-8, "seed " + seed + " clique " + c);
                }
            }
        }
    }

    @Test
    void projectionAcrossCliquesMatchesEnumeration() {
        Domain domain = Domain.ofSizes(3, 2, 4, 2, 3);
        for (long seed = 1; seed <= 20; seed++) {
            GraphicalModel model = randomModel(domain, 3, seed, 500.0);
            double[] joint = bruteForceJoint(model);
            for (int a = 0; a < domain.attributeCount(); a++) {
                for (int b = a + 1; b < domain.attributeCount(); b++) {
                    int[] pair = {a, b};
                    double[] expected = bruteForceMarginal(domain, joint, pair);
                    double[] actual = model.project(pair);
                    for (int cell = 0; cell < expected.length; cell++) {
                        assertEquals(expected[cell], actual[cell], 1e-8, "seed " + seed + " pair " + a + "," + b);
                    }
                }
            }
            int[] triple = {0, 2, 4};
            double[] expected = bruteForceMarginal(domain, joint, triple);
            double[] actual = model.project(triple);
            for (int cell = 0; cell < expected.length; cell++) {
                assertEquals(expected[cell], actual[cell], 1e-8, "seed " + seed + " triple");
            }
        }
    }

    @Test
    void pairMarginalsMatchEnumeration() {
        Domain domain = Domain.ofSizes(3, 2, 4, 2, 3, 2);
        for (long seed = 1; seed <= 20; seed++) {
            GraphicalModel model = randomModel(domain, 4, seed, 300.0);
            double[] joint = bruteForceJoint(model);
            for (int a = 0; a < domain.attributeCount(); a++) {
                double[][] pairs = model.pairMarginals(a);
                for (int b = 0; b < domain.attributeCount(); b++) {
                    if (b == a) {
                        continue;
                    }
                    double[] expected = bruteForceMarginal(domain, joint, Cliques.normalize(a, b));
                    for (int cell = 0; cell < expected.length; cell++) {
                        assertEquals(expected[cell], pairs[b][cell], 1e-8, "seed " + seed + " pair " + a + "," + b);
                    }
                }
            }
        }
    }

    @Test
    void noiselessEstimationRecoversMarginals() {
        Domain domain = Domain.ofSizes(3, 4, 2, 5, 3);
        double total = 10_000;
        for (long seed = 1; seed <= 3; seed++) {
            GraphicalModel truth = randomModel(domain, 3, seed, total);
            List<Measurement> measurements = new ArrayList<>();
            for (int c = 0; c < truth.tree().size(); c++) {
                measurements.add(Measurement.of(truth.tree().clique(c), truth.marginals()[c].clone(), 1.0));
            }
            MirrorDescent.Result result =
                    MirrorDescent.estimate(domain, measurements, 2000, null, CancellationToken.NONE);
            assertEquals(total, result.model().total(), 1e-6);
            for (Measurement measurement : measurements) {
                double[] estimated = result.model().project(measurement.attributes());
                for (int cell = 0; cell < estimated.length; cell++) {
                    assertEquals(measurement.values()[cell], estimated[cell], 0.5, "seed " + seed);
                }
            }
        }
    }

    @Test
    void sampleFrequenciesConvergeToModel() {
        Domain domain = Domain.ofSizes(3, 4, 2, 5, 3, 2);
        GraphicalModel model = randomModel(domain, 4, 7, 1.0);
        int rows = 200_000;
        int[][] codes = model.sample(rows, new SplittableRandom(11));
        for (int c = 0; c < model.tree().size(); c++) {
            int[] clique = model.tree().clique(c);
            long[] counts = MarginalCounter.count(codes, domain, clique);
            double[] expected = model.marginals()[c];
            double distance = 0;
            for (int cell = 0; cell < counts.length; cell++) {
                distance += Math.abs(counts[cell] / (double) rows - expected[cell]);
            }
            // Sampling error of a multinomial with at most 120 cells and 200,000 draws is far below 0.01 in TVD.
            assertTrue(distance / 2 < 0.01, "clique " + c + " total variation " + distance / 2);
        }
        double[] pair = model.project(new int[] {0, 5});
        long[] counts = MarginalCounter.count(codes, domain, new int[] {0, 5});
        for (int cell = 0; cell < pair.length; cell++) {
            assertEquals(pair[cell], counts[cell] / (double) rows, 0.01);
        }
    }

    @Test
    void rootCliqueRoundingIsExact() {
        Domain domain = Domain.ofSizes(3, 4);
        GraphicalModel model = randomModel(domain, 1, 3, 1.0);
        int rows = 1000;
        int[][] codes = model.sample(rows, new SplittableRandom(5));
        long[] counts = MarginalCounter.count(codes, domain, model.tree().clique(0));
        for (int cell = 0; cell < counts.length; cell++) {
            // Each stratum holds one draw, so a cell of mass m gets between floor(m) - 1 and ceil(m) + 1 draws.
            assertTrue(Math.abs(counts[cell] - rows * model.marginals()[0][cell]) < 2.0, "cell " + cell);
        }
    }
}
