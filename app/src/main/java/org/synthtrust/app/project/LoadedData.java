package org.synthtrust.app.project;

import java.nio.file.Path;
import java.util.List;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;

/**
 * A table read from a CSV file with what the reader detected: the delimiter, the encoding and the parse
 * warnings, and the schema it used (declared, or inferred with every inferred domain flagged).
 */
public record LoadedData(Path file, Table table, Schema schema, String delimiter, String encoding,
        List<String> warnings) {

    public LoadedData {
        warnings = List.copyOf(warnings);
    }
}
