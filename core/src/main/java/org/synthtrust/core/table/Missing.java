package org.synthtrust.core.table;

import java.util.BitSet;

/** Helpers for the per-row missing mask shared by the primitive column types. */
final class Missing {
    private Missing() {
    }

    static BitSet select(BitSet missing, int[] rows) {
        BitSet selected = new BitSet(rows.length);
        if (missing.isEmpty()) {
            return selected;
        }
        for (int i = 0; i < rows.length; i++) {
            if (missing.get(rows[i])) {
                selected.set(i);
            }
        }
        return selected;
    }
}
