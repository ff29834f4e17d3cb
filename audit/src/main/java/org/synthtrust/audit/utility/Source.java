package org.synthtrust.audit.utility;

import org.synthtrust.audit.Alignment.AlignedColumn;
import org.synthtrust.audit.CategoryDictionary;
import org.synthtrust.core.table.Column;

/** Table of an audit that a set of rows comes from. */
public enum Source {
    TRAIN, HOLDOUT, SYNTHETIC;

    public Column column(AlignedColumn aligned) {
        return switch (this) {
            case TRAIN -> aligned.train();
            case HOLDOUT -> aligned.holdout();
            case SYNTHETIC -> aligned.synthetic();
        };
    }

    public int[] codes(CategoryDictionary dictionary) {
        return switch (this) {
            case TRAIN -> dictionary.train();
            case HOLDOUT -> dictionary.holdout();
            case SYNTHETIC -> dictionary.synthetic();
        };
    }
}
