package org.synthtrust.core.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Public coding of one output column, as saved in a model: either a modelled attribute (levels for
 * categorical and boolean columns, bin edges for numeric ones, one extra code for missing when the column is
 * nullable) or an identifier column that is regenerated. Contains no statistic of the data.
 *
 * @param name column name as in the input
 * @param type column type id ({@code categorical}, {@code integer}, {@code real}, {@code boolean},
 *        {@code date}, {@code datetime}, {@code text})
 * @param identifier true when the column is regenerated as fresh unique ids instead of modelled
 * @param levels category spellings in code order (categorical, text and boolean columns)
 * @param edges ascending bin edges in the column's numeric unit (epoch days for dates, epoch milliseconds
 *        for timestamps); bin i is [edges[i], edges[i+1]), the last bin includes the upper bound
 * @param lower declared lower bound (numeric columns)
 * @param upper declared upper bound (numeric columns)
 * @param nullable true when missing is a value of the public domain, coded after the levels or bins
 * @param inferred true when the domain was read from the data, so no DP guarantee covers it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnCoding(
        String name,
        String type,
        boolean identifier,
        List<String> levels,
        double[] edges,
        Double lower,
        Double upper,
        boolean nullable,
        @JsonProperty("inferred_from_data") boolean inferred) {

    /** Returns the number of codes: levels or bins, plus one for missing when nullable. */
    @JsonIgnore
    public int size() {
        int values = levels != null ? levels.size() : edges.length - 1;
        return values + (nullable ? 1 : 0);
    }

    /** Returns the code that stands for a missing value, or -1 when the column is not nullable. */
    @JsonIgnore
    public int missingCode() {
        return nullable ? size() - 1 : -1;
    }

    @JsonIgnore
    public boolean isNumeric() {
        return edges != null;
    }
}
