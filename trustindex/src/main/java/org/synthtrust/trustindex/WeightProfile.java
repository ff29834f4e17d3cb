package org.synthtrust.trustindex;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.synthtrust.core.InvalidInputException;

/**
 * Named pillar weight profiles. A profile weights its own pillar 3 and the others 1, so the favoured pillar
 * counts as much as the other three audit pillars together; robustness weighs 1 and only counts when the
 * study has repeats. {@link #CUSTOM} is a marker for weights the analyst gives pillar by pillar.
 */
public enum WeightProfile {
    BALANCED(null),
    PRIVACY_FIRST(TrustPillar.PRIVACY),
    UTILITY_FIRST(TrustPillar.UTILITY),
    FAIRNESS_FIRST(TrustPillar.FAIRNESS),
    CUSTOM(null);

    /** Weight of the favoured pillar relative to the others' weight of 1. */
    private static final double FAVOURED_WEIGHT = 3;

    private final TrustPillar favoured;

    WeightProfile(TrustPillar favoured) {
        this.favoured = favoured;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the weights of this profile; {@link #CUSTOM} has none of its own and returns the balanced ones. */
    public Map<TrustPillar, Double> weights() {
        Map<TrustPillar, Double> weights = new EnumMap<>(TrustPillar.class);
        for (TrustPillar pillar : TrustPillar.values()) {
            weights.put(pillar, pillar == favoured ? FAVOURED_WEIGHT : 1.0);
        }
        return weights;
    }

    public static WeightProfile parse(String id) {
        for (WeightProfile profile : values()) {
            if (profile.id().equals(id.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return profile;
            }
        }
        throw new InvalidInputException("weight profile: unknown value '" + id
                + "'; use privacy-first, balanced, utility-first, fairness-first or custom");
    }

    /**
     * Parses weights written as {@code privacy=3,fidelity=1} or a profile id such as {@code privacy-first}.
     * Pillars left out of a custom list weigh 0. Weights must be finite and non-negative, and one positive.
     */
    public static Map<TrustPillar, Double> parseWeights(String text, String setting) {
        String trimmed = text.trim();
        if (!trimmed.contains("=")) {
            return parse(trimmed).weights();
        }
        Map<TrustPillar, Double> weights = new EnumMap<>(TrustPillar.class);
        for (TrustPillar pillar : TrustPillar.values()) {
            weights.put(pillar, 0.0);
        }
        for (String part : trimmed.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw new InvalidInputException(setting + ": '" + part + "' is not pillar=weight; "
                        + "write for example privacy=3,fidelity=1");
            }
            TrustPillar pillar = TrustPillar.parse(pair[0], setting);
            weights.put(pillar, parseWeight(pair[1].trim(), setting + "." + pillar.id()));
        }
        return validate(weights, setting);
    }

    static double parseWeight(String text, String setting) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(setting + ": '" + text + "' is not a number");
        }
    }

    /** Checks that every weight is finite and non-negative and at least one is positive. */
    public static Map<TrustPillar, Double> validate(Map<TrustPillar, Double> weights, String setting) {
        boolean anyPositive = false;
        for (Map.Entry<TrustPillar, Double> entry : weights.entrySet()) {
            double weight = entry.getValue();
            if (!Double.isFinite(weight) || weight < 0) {
                throw new InvalidInputException(setting + "." + entry.getKey().id() + ": weight " + weight
                        + " is invalid; use a finite number >= 0");
            }
            anyPositive |= weight > 0;
        }
        if (!anyPositive) {
            throw new InvalidInputException(setting + ": every pillar weight is 0; give at least one pillar "
                    + "a positive weight");
        }
        return weights;
    }
}
