package org.synthtrust.audit;

import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;

/**
 * Inputs of every metric for one candidate: the real training table, the real holdout (rows the generator
 * never saw, or null when none was given), the synthetic table, the schema with roles, the candidate's
 * name and the run's settings. Use {@link Alignment#of(AuditContext)} for the columns metrics may compare.
 */
public record AuditContext(Table train, Table holdout, Table synthetic, Schema schema, String candidate,
                           AuditSettings settings) {

    public AuditContext {
        if (train == null || synthetic == null || schema == null || candidate == null) {
            throw new IllegalArgumentException("train, synthetic, schema and candidate are required");
        }

        if (settings == null) {
            settings = AuditSettings.defaults();
        }
    }

    public boolean hasHoldout() {
        return holdout != null && holdout.rowCount() > 0;
    }

    // Identity semantics: two contexts are the same only when they are the same object, so caches keyed on a
    // context never compare whole tables.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
