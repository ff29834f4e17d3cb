package org.synthtrust.core.schema;

import java.util.List;

/**
 * What inference found for one column: the inferred spec (type, roles, domain marked inferred from data), the
 * missing and distinct counts, and the notes that explain the choice.
 *
 * @param lowConfidence   true when the type rests on fewer than two non-missing values
 * @param highCardinality true for a text column with many distinct values that is not an identifier; drop or
 *                        generalise it before modelling
 */
public record ColumnReport(String name, ColumnSpec spec, long missingCount, long distinctCount,
                           boolean lowConfidence, boolean highCardinality, List<String> notes) {

    public ColumnReport {
        notes = List.copyOf(notes);
    }
}
