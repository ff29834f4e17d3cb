package org.synthtrust.app.common;

import java.util.Objects;
import org.synthtrust.app.common.Engine.Split;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;

/**
 * The train/holdout split of the loaded table, computed by the engine once per (table, fraction, seed, schema)
 * and shared by the fit tasks and the audit. Thread-safe.
 */
public final class SplitCache {
    private final Engine engine;
    private Table table;
    private double fraction;
    private long seed;
    private Schema schema;
    private Split split;

    public SplitCache(Engine engine) {
        this.engine = engine;
    }

    /** Sets what the next split is of; a change drops the cached split. Call on the FX thread before a run. */
    public synchronized void configure(Table newTable, double newFraction, long newSeed) {
        if (newTable != table || newFraction != fraction || newSeed != seed) {
            split = null;
        }
        table = newTable;
        fraction = newFraction;
        seed = newSeed;
    }

    /** The last computed split, or null when none is cached. */
    public synchronized Split current() {
        return split;
    }

    public synchronized Split get(Schema currentSchema) {
        if (split == null || !Objects.equals(schema, currentSchema)) {
            if (table == null) {
                throw new org.synthtrust.core.InvalidInputException("no data loaded; open a CSV file on the Data "
                        + "screen first");
            }
            split = engine.split(table, currentSchema, fraction, seed);
            schema = currentSchema;
        }
        return split;
    }
}
