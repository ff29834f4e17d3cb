package org.synthtrust.trustindex;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.synthtrust.core.InvalidInputException;

/**
 * Rule that combines pillar scores into the trust index. {@link #GEOMETRIC} is the weighted geometric mean of
 * Belgodere et al. (2023), under which a pillar scoring 0 zeroes the index; {@link #ARITHMETIC} is the
 * weighted arithmetic mean, which lets a strong pillar compensate a weak one.
 */
public enum Aggregation {
    GEOMETRIC,
    ARITHMETIC;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Aggregation parse(String id) {
        for (Aggregation value : values()) {
            if (value.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new InvalidInputException("aggregation: unknown value '" + id + "'; use geometric or arithmetic");
    }

    /**
     * Combines scores in [0, 1] with non-negative weights; entries of weight 0 are ignored. Returns NaN when
     * no entry has a positive weight.
     */
    public double combine(double[] scores, double[] weights) {
        double weightSum = 0;
        for (double weight : weights) {
            weightSum += weight;
        }
        if (!(weightSum > 0)) {
            return Double.NaN;
        }
        if (this == ARITHMETIC) {
            double sum = 0;
            for (int i = 0; i < scores.length; i++) {
                sum += weights[i] * scores[i];
            }
            return sum / weightSum;
        }
        double logSum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            if (scores[i] <= 0) {
                return 0;
            }
            logSum += weights[i] * Math.log(scores[i]);
        }
        return Math.exp(logSum / weightSum);
    }
}
