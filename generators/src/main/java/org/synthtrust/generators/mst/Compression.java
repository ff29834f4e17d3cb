package org.synthtrust.generators.mst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synthtrust.core.domain.Domain;
import org.synthtrust.generators.pgm.Measurement;

/**
 * The compress-domain step of MST: per attribute, values whose noisy 1-way count is below a threshold merge
 * into one extra code, which shrinks the 2-way marginals. Built from noisy counts only, so it is post-processing.
 */
final class Compression {
    private final Domain original;
    private final Domain compressed;
    private final int[][] maps;
    private final boolean hasMerges;

    private Compression(Domain original, int[][] maps) {
        this.original = original;
        this.maps = maps;
        int[] sizes = new int[maps.length];
        boolean merged = false;
        for (int attribute = 0; attribute < maps.length; attribute++) {
            sizes[attribute] = Arrays.stream(maps[attribute]).max().orElse(0) + 1;
            merged |= !isIdentity(maps[attribute]);
        }
        this.compressed = new Domain(original.names(), sizes);
        this.hasMerges = merged;
    }

    static Compression identity(Domain domain) {
        int[][] maps = new int[domain.attributeCount()][];
        for (int attribute = 0; attribute < maps.length; attribute++) {
            maps[attribute] = new int[domain.size(attribute)];
            Arrays.setAll(maps[attribute], code -> code);
        }
        return new Compression(domain, maps);
    }

    /** Keeps values with a noisy count at or above {@code threshold}; the rest share the last code. */
    static Compression of(Domain domain, double[][] noisy, double threshold) {
        int[][] maps = new int[domain.attributeCount()][];
        for (int attribute = 0; attribute < maps.length; attribute++) {
            int size = domain.size(attribute);
            int[] map = new int[size];
            int kept = 0;
            List<Integer> small = new ArrayList<>();
            for (int code = 0; code < size; code++) {
                if (noisy[attribute][code] >= threshold) {
                    map[code] = kept++;
                } else {
                    small.add(code);
                }
            }
            for (int code : small) {
                map[code] = kept;
            }
            maps[attribute] = map;
        }
        return new Compression(domain, maps);
    }

    private static boolean isIdentity(int[] map) {
        for (int code = 0; code < map.length; code++) {
            if (map[code] != code) {
                return false;
            }
        }
        return true;
    }

    Domain compressedDomain() {
        return compressed;
    }

    boolean hasMerges() {
        return hasMerges;
    }

    int[][] maps() {
        return maps;
    }

    /** Returns the codes on the compressed domain, sharing columns whose domain did not change. */
    int[][] apply(int[][] codes) {
        int[][] result = new int[codes.length][];
        for (int attribute = 0; attribute < codes.length; attribute++) {
            // A single small value keeps the domain size but moves to the last code, so test the map itself.
            if (isIdentity(maps[attribute])) {
                result[attribute] = codes[attribute];
                continue;
            }
            int[] map = maps[attribute];
            int[] column = codes[attribute];
            int[] mapped = new int[column.length];
            for (int row = 0; row < column.length; row++) {
                mapped[row] = map[column[row]];
            }
            result[attribute] = mapped;
        }
        return result;
    }

    /**
     * Re-expresses a noisy 1-way measurement on the compressed domain: kept cells as they are, the merged cell
     * as the sum of the merged noisy counts, whose variance is the number of merged values times sigma^2.
     */
    Measurement measurement(int attribute, double[] noisy, double sigma) {
        int size = compressed.size(attribute);
        double[] values = new double[size];
        int[] members = new int[size];
        for (int code = 0; code < noisy.length; code++) {
            values[maps[attribute][code]] += noisy[code];
            members[maps[attribute][code]]++;
        }
        double[] inverseVariance = new double[size];
        for (int code = 0; code < size; code++) {
            inverseVariance[code] = 1.0 / (members[code] * sigma * sigma);
        }
        return new Measurement(new int[] {attribute}, values, inverseVariance);
    }
}
