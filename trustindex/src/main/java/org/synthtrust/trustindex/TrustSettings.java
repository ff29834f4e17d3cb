package org.synthtrust.trustindex;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that decides the ranking once the audit is done: changing any of it re-ranks without
 * recomputing the audit.
 *
 * @param normalisation      absolute rules or the relative empirical CDF
 * @param aggregation        geometric (default) or arithmetic mean of the pillar scores
 * @param profile            the weight profile id the weights came from ({@code custom} for explicit weights)
 * @param weights            pillar weights, non-negative; renormalised over the pillars a candidate has
 * @param metricWeights      weights of metrics inside their pillar by metric id; missing ids weigh 1, 0 drops
 * @param constraints        the analyst's constraint expressions, added to the defaults
 * @param defaultConstraints whether {@link Constraint#DEFAULTS} apply
 * @param holdoutRows        number of holdout rows behind the exact-match holdout rate, or null when unknown
 * @param sensitivity        Dirichlet weight sensitivity settings
 */
public record TrustSettings(Normalisation normalisation, Aggregation aggregation, String profile,
                            Map<TrustPillar, Double> weights, Map<String, Double> metricWeights,
                            List<String> constraints, boolean defaultConstraints, Integer holdoutRows,
                            SensitivitySettings sensitivity) {

    public TrustSettings {
        normalisation = normalisation == null ? Normalisation.ABSOLUTE : normalisation;
        aggregation = aggregation == null ? Aggregation.GEOMETRIC : aggregation;
        if (profile == null) {
            profile = weights == null ? WeightProfile.BALANCED.id() : WeightProfile.CUSTOM.id();
        }
        Map<TrustPillar, Double> complete = new EnumMap<>(TrustPillar.class);
        for (TrustPillar pillar : TrustPillar.values()) {
            complete.put(pillar, 0.0);
        }
        if (weights == null) {
            complete.putAll(WeightProfile.BALANCED.weights());
        } else {
            complete.putAll(weights);
        }
        weights = WeightProfile.validate(complete, "weights");
        metricWeights = metricWeights == null ? Map.of() : Map.copyOf(metricWeights);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        sensitivity = sensitivity == null ? SensitivitySettings.DEFAULT : sensitivity;
    }

    /** Absolute normalisation, geometric aggregation, balanced weights, default constraints. */
    public static TrustSettings defaults() {
        return new TrustSettings(null, null, WeightProfile.BALANCED.id(), WeightProfile.BALANCED.weights(),
                null, null, true, null, null);
    }

    public TrustSettings withNormalisation(Normalisation value) {
        return new TrustSettings(value, aggregation, profile, weights, metricWeights, constraints,
                defaultConstraints, holdoutRows, sensitivity);
    }

    public TrustSettings withAggregation(Aggregation value) {
        return new TrustSettings(normalisation, value, profile, weights, metricWeights, constraints,
                defaultConstraints, holdoutRows, sensitivity);
    }

    public TrustSettings withWeights(String profileId, Map<TrustPillar, Double> value) {
        return new TrustSettings(normalisation, aggregation, profileId, value, metricWeights, constraints,
                defaultConstraints, holdoutRows, sensitivity);
    }

    public TrustSettings withConstraints(List<String> value, boolean defaults) {
        return new TrustSettings(normalisation, aggregation, profile, weights, metricWeights, value, defaults,
                holdoutRows, sensitivity);
    }

    public TrustSettings withHoldoutRows(Integer value) {
        return new TrustSettings(normalisation, aggregation, profile, weights, metricWeights, constraints,
                defaultConstraints, value, sensitivity);
    }

    public TrustSettings withSensitivity(SensitivitySettings value) {
        return new TrustSettings(normalisation, aggregation, profile, weights, metricWeights, constraints,
                defaultConstraints, holdoutRows, value);
    }

    /** Parses every constraint that applies, defaults first; invalid expressions raise InvalidInputException. */
    public List<Constraint> parsedConstraints() {
        List<Constraint> parsed = new ArrayList<>();
        if (defaultConstraints) {
            for (String expression : Constraint.DEFAULTS) {
                parsed.add(Constraint.parse(expression, true, "default constraints"));
            }
        }
        for (int i = 0; i < constraints.size(); i++) {
            parsed.add(Constraint.parse(constraints.get(i), false, "constraints[" + i + "]"));
        }
        return parsed;
    }

    /** Weights keyed by pillar id, the form written to JSON. */
    public Map<String, Double> weightsById() {
        Map<String, Double> byId = new LinkedHashMap<>();
        weights.forEach((pillar, weight) -> byId.put(pillar.id(), weight));
        return byId;
    }
}
