package org.synthtrust.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.table.Column;

/**
 * One dictionary of categories for a column across real training, holdout and synthetic data. Codes run
 * over the real levels first (declared categories in schema order, then training, then holdout-only levels),
 * then levels seen only in the synthetic data; {@link #MISSING} marks a missing value. A model trained on one
 * table maps a level its training data never contained to {@link #unknownCode()}.
 */
public final class CategoryDictionary {
    public static final int MISSING = -1;

    private final List<String> levels;
    private final int realLevelCount;
    private final int trainLevelCount;
    private final int[] train;
    private final int[] holdout;
    private final int[] synthetic;
    private final Map<String, Integer> syntheticOnly;
    private final Map<String, Integer> holdoutOnly;

    private CategoryDictionary(List<String> levels, int realLevelCount, int trainLevelCount, int[] train,
                               int[] holdout, int[] synthetic, Map<String, Integer> syntheticOnly,
                               Map<String, Integer> holdoutOnly) {
        this.levels = List.copyOf(levels);
        this.realLevelCount = realLevelCount;
        this.trainLevelCount = trainLevelCount;
        this.train = train;
        this.holdout = holdout;
        this.synthetic = synthetic;
        this.syntheticOnly = Collections.unmodifiableMap(syntheticOnly);
        this.holdoutOnly = Collections.unmodifiableMap(holdoutOnly);
    }

    static CategoryDictionary build(Alignment.AlignedColumn column) {
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new ArrayList<>();
        if (column.spec() != null && column.spec().categories() != null) {
            for (String category : column.spec().categories()) {
                index.computeIfAbsent(category, key -> {
                    levels.add(key);
                    return levels.size() - 1;
                });
            }
        }
        int[] train = encode(column.train(), index, levels, null);
        int trainLevels = levels.size();
        Map<String, Integer> holdoutOnly = new LinkedHashMap<>();
        int[] holdout = column.holdout() == null ? null : encode(column.holdout(), index, levels, holdoutOnly);
        int realLevels = levels.size();
        Map<String, Integer> syntheticOnly = new LinkedHashMap<>();
        int[] synthetic = encode(column.synthetic(), index, levels, syntheticOnly);
        return new CategoryDictionary(levels, realLevels, trainLevels, train, holdout, synthetic, syntheticOnly,
                holdoutOnly);
    }

    private static int[] encode(Column column, Map<String, Integer> index, List<String> levels,
                                Map<String, Integer> newLevels) {
        int[] codes = new int[column.size()];
        for (int row = 0; row < codes.length; row++) {
            String label = Alignment.label(column, row);
            if (label == null) {
                codes[row] = MISSING;
                continue;
            }
            Integer code = index.get(label);
            if (code == null) {
                code = levels.size();
                index.put(label, code);
                levels.add(label);
                if (newLevels != null) {
                    newLevels.put(label, 0);
                }
            }
            if (newLevels != null && newLevels.containsKey(label)) {
                newLevels.merge(label, 1, Integer::sum);
            }
            codes[row] = code;
        }
        return codes;
    }

    /** Returns all levels in code order: real levels first, then synthetic-only levels. */
    public List<String> levels() {
        return levels;
    }

    public int size() {
        return levels.size();
    }

    /** Levels declared in the schema or seen in the training or holdout data. */
    public int realLevelCount() {
        return realLevelCount;
    }

    /** Levels declared in the schema or seen in the training data. */
    public int trainLevelCount() {
        return trainLevelCount;
    }

    /** Code for a level a model's training data never contained; one past the last level. */
    public int unknownCode() {
        return levels.size();
    }

    /** Codes of the training rows; the returned array must not be modified. */
    public int[] train() {
        return train;
    }

    /** Codes of the holdout rows, or null without a holdout; the returned array must not be modified. */
    public int[] holdout() {
        return holdout;
    }

    /** Codes of the synthetic rows; the returned array must not be modified. */
    public int[] synthetic() {
        return synthetic;
    }

    /** Levels found only in the synthetic data, with their synthetic row counts, in order of appearance. */
    public Map<String, Integer> syntheticOnly() {
        return syntheticOnly;
    }

    /** Levels found in the holdout but not declared or seen in training, with their holdout row counts. */
    public Map<String, Integer> holdoutOnly() {
        return holdoutOnly;
    }
}
