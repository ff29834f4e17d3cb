package org.synthtrust.trustindex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.synthtrust.trustindex.Ranking.CandidateScore;
import org.synthtrust.trustindex.Ranking.PillarScore;

/**
 * Weight sensitivity of a ranking: draws pillar weight vectors from a Dirichlet distribution centred on the
 * chosen weights and re-ranks the qualified candidates under each draw, reusing their pillar scores. For each
 * candidate it reports the share of draws in which it ranks first and the 2.5 % to 97.5 % interval of its rank,
 * so a ranking that flips under small weight changes shows a probability of ranking first well below 1.
 *
 * <p>A Dirichlet draw is the standard construction: independent Gamma(alpha_i, 1) draws divided by their sum,
 * with alpha_i = concentration * w_i / sum(w). Pillars of weight 0 stay at 0.
 */
public final class WeightSensitivity {

    /** Sensitivity of one candidate. */
    public record Result(double probabilityFirst, int rankLow, int rankHigh) {
    }

    private WeightSensitivity() {
    }

    /** Analyses the qualified candidates; returns an empty map when none is qualified. */
    public static Map<String, Result> analyse(List<CandidateScore> candidates, TrustSettings settings) {
        List<CandidateScore> qualified = candidates.stream().filter(c -> !c.disqualified() && c.index() != null)
                .toList();
        Map<String, Result> results = new LinkedHashMap<>();
        if (qualified.isEmpty()) {
            return results;
        }
        SensitivitySettings sensitivity = settings.sensitivity();
        List<TrustPillar> pillars = new ArrayList<>();
        double weightSum = 0;
        for (TrustPillar pillar : TrustPillar.values()) {
            double weight = settings.weights().get(pillar);
            if (weight > 0) {
                pillars.add(pillar);
                weightSum += weight;
            }
        }
        RandomGenerator random = new Well19937c(sensitivity.seed());
        List<GammaDistribution> gammas = new ArrayList<>();
        for (TrustPillar pillar : pillars) {
            double alpha = sensitivity.concentration() * settings.weights().get(pillar) / weightSum;
            gammas.add(new GammaDistribution(random, alpha, 1.0));
        }

        int count = qualified.size();
        double[] firsts = new double[count];
        int[][] ranks = new int[count][sensitivity.samples()];
        double[] indexes = new double[count];
        Map<TrustPillar, Double> drawn = new EnumMap<>(TrustPillar.class);
        for (int s = 0; s < sensitivity.samples(); s++) {
            drawWeights(pillars, gammas, drawn);
            for (int c = 0; c < count; c++) {
                indexes[c] = indexUnder(qualified.get(c), drawn, settings.aggregation());
            }
            rankDraw(indexes, firsts, ranks, s);
        }

        for (int c = 0; c < count; c++) {
            int[] sorted = ranks[c].clone();
            Arrays.sort(sorted);
            results.put(qualified.get(c).name(), new Result(firsts[c] / sensitivity.samples(),
                    quantile(sorted, 0.025), quantile(sorted, 0.975)));
        }
        return results;
    }

    private static void drawWeights(List<TrustPillar> pillars, List<GammaDistribution> gammas,
                                    Map<TrustPillar, Double> drawn) {
        double sum = 0;
        double[] values = new double[pillars.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = gammas.get(i).sample();
            sum += values[i];
        }
        for (int i = 0; i < values.length; i++) {
            // A sum of 0 needs every Gamma draw to underflow, possible only for tiny alpha: fall back to equal.
            drawn.put(pillars.get(i), sum > 0 ? values[i] / sum : 1.0 / values.length);
        }
    }

    private static double indexUnder(CandidateScore candidate, Map<TrustPillar, Double> weights,
                                     Aggregation aggregation) {
        Map<TrustPillar, Double> scores = new EnumMap<>(TrustPillar.class);
        for (PillarScore pillar : candidate.pillars().values()) {
            scores.put(pillar.pillar(), pillar.score());
        }
        Double index = TrustIndex.index(scores, weights, aggregation);
        return index == null ? Double.NEGATIVE_INFINITY : index;
    }

    /** Records each candidate's rank in draw {@code s}; tied leaders share the "first" count equally. */
    private static void rankDraw(double[] indexes, double[] firsts, int[][] ranks, int s) {
        double best = Double.NEGATIVE_INFINITY;
        for (double index : indexes) {
            best = Math.max(best, index);
        }
        int leaders = 0;
        for (double index : indexes) {
            if (index == best) {
                leaders++;
            }
        }
        for (int c = 0; c < indexes.length; c++) {
            int better = 0;
            for (double other : indexes) {
                if (other > indexes[c]) {
                    better++;
                }
            }
            ranks[c][s] = better + 1;
            if (indexes[c] == best) {
                firsts[c] += 1.0 / leaders;
            }
        }
    }

    /** Nearest-rank quantile of sorted values. */
    private static int quantile(int[] sorted, double p) {
        int position = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, position))];
    }
}
