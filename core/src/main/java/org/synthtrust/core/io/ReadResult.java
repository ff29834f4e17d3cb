package org.synthtrust.core.io;

import java.util.List;
import org.synthtrust.core.schema.InferenceReport;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;

/**
 * A loaded table with the schema it was read with (declared, inferred, or declared with inferred columns
 * added), the warnings to show the user, and the dialect found in the file.
 *
 * @param inference the inference report for the columns the schema did not declare, or null when the schema
 *                  declared every column
 */
public record ReadResult(Table table, Schema schema, List<String> warnings, CsvDialect dialect,
                         InferenceReport inference) {

    public ReadResult {
        warnings = List.copyOf(warnings);
    }

    public ReadResult(Table table, Schema schema, List<String> warnings, CsvDialect dialect) {
        this(table, schema, warnings, dialect, null);
    }
}
