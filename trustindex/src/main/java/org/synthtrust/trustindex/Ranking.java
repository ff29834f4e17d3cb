package org.synthtrust.trustindex;

import java.util.List;
import java.util.Map;

/**
 * A ranking of candidates, written to {@code ranking.json}: the settings it used, the candidates in rank order
 * (qualified ones first by trust index, then the disqualified ones with their reasons), the Pareto front over
 * the pillar scores and the weight sensitivity.
 */
public record Ranking(
        Normalisation normalisation,
        Aggregation aggregation,
        String profile,
        Map<String, Double> weights,
        /* every constraint applied, the defaults first */
        List<String> constraints,
        boolean defaultConstraints,
        SensitivitySettings sensitivity,
        List<CandidateScore> candidates,
        List<String> paretoFront,
        boolean allDisqualified,
        List<String> notes) {

    /** Score of one metric for one candidate. */
    public record MetricScore(
            String id,
            TrustPillar pillar,
            /* mean raw value over the repeats that computed it, or null */
            Double value,
            /* normalised score in [0, 1], or null when left out */
            Double score,
            /* lowest and highest absolute score over the repeats, or null */
            Double repeatMin,
            Double repeatMax,
            /* scored, failed, left_out or reference */
            String status,
            String note) {
    }

    /** Score of one pillar for one candidate. */
    public record PillarScore(
            TrustPillar pillar,
            double score,
            /* weight after renormalisation over the pillars the candidate has */
            double weight,
            int metrics,
            Double repeatMin,
            Double repeatMax) {
    }

    /** One candidate's place in the ranking. */
    public record CandidateScore(
            String name,
            /* 1 for the best qualified candidate; null when disqualified */
            Integer rank,
            /* trust index in [0, 1], or null when nothing could be scored */
            Double index,
            Double epsilon,
            int repeats,
            boolean disqualified,
            List<String> disqualificationReasons,
            boolean paretoOptimal,
            /* share of Dirichlet weight draws under which this candidate ranks first among the qualified */
            Double probabilityFirst,
            /* 2.5 % and 97.5 % quantiles of its rank over the weight draws */
            Integer rankLow,
            Integer rankHigh,
            Map<String, PillarScore> pillars,
            List<MetricScore> metrics,
            List<Constraint.Check> constraints,
            List<String> notes,
            String error) {
    }

    /** Returns the candidate with this name, or null. */
    public CandidateScore candidate(String name) {
        for (CandidateScore candidate : candidates) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        return null;
    }
}
