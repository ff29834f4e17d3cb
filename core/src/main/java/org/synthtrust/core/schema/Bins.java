package org.synthtrust.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Public binning of a numeric column: exactly one of {@code width}, {@code count} (equal width between the
 * bounds), {@code edges}, or {@code quantiles} (computed from the real data, so allowed for the audit only,
 * never for generation).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bins(Double width, Integer count, List<Double> edges, Integer quantiles) {

    public static Bins ofWidth(double width) {
        return new Bins(width, null, null, null);
    }

    public static Bins ofCount(int count) {
        return new Bins(null, count, null, null);
    }

    public static Bins ofEdges(List<Double> edges) {
        return new Bins(null, null, List.copyOf(edges), null);
    }
}
