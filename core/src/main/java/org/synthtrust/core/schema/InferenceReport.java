package org.synthtrust.core.schema;

import java.util.ArrayList;
import java.util.List;

/** The inferred schema with a report per column, in file column order. */
public record InferenceReport(Schema schema, List<ColumnReport> columns) {

    public InferenceReport {
        columns = List.copyOf(columns);
    }

    /** Returns the report of a column, or null when inference did not cover it. */
    public ColumnReport column(String name) {
        for (ColumnReport report : columns) {
            if (report.name().equals(name)) {
                return report;
            }
        }
        return null;
    }

    /** Returns every column note as "column 'name': note". */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (ColumnReport report : columns) {
            for (String note : report.notes()) {
                notes.add("column '" + report.name() + "': " + note);
            }
        }
        return notes;
    }
}
