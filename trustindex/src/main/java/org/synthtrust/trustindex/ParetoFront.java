package org.synthtrust.trustindex;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synthtrust.trustindex.Ranking.CandidateScore;
import org.synthtrust.trustindex.Ranking.PillarScore;

/**
 * Pareto front over pillar scores: a candidate is on the front when no other candidate is at least as good on
 * every pillar and strictly better on one. The comparison uses the pillars with a positive weight that every
 * scored candidate has, so a pillar missing for one candidate does not decide the front. Disqualified
 * candidates take part, because the front describes the trade-off, not the choice.
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /** Returns the names of the non-dominated candidates, in the order given. */
    public static List<String> front(List<CandidateScore> candidates, Map<TrustPillar, Double> weights) {
        List<CandidateScore> scored = candidates.stream().filter(c -> c.index() != null).toList();
        Set<TrustPillar> common = EnumSet.noneOf(TrustPillar.class);
        for (TrustPillar pillar : TrustPillar.values()) {
            if (weights.getOrDefault(pillar, 0.0) > 0
                    && scored.stream().allMatch(c -> c.pillars().containsKey(pillar.id()))) {
                common.add(pillar);
            }
        }
        List<String> front = new ArrayList<>();
        for (CandidateScore candidate : scored) {
            boolean dominated = false;
            for (CandidateScore other : scored) {
                if (other != candidate && dominates(other, candidate, common)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate.name());
            }
        }
        return front;
    }

    /** Tests whether {@code a} is at least as good as {@code b} on every pillar and strictly better on one. */
    static boolean dominates(CandidateScore a, CandidateScore b, Set<TrustPillar> pillars) {
        boolean strictlyBetter = false;
        for (TrustPillar pillar : pillars) {
            PillarScore left = a.pillars().get(pillar.id());
            PillarScore right = b.pillars().get(pillar.id());
            if (left.score() < right.score()) {
                return false;
            }
            strictlyBetter |= left.score() > right.score();
        }
        return strictlyBetter;
    }
}
