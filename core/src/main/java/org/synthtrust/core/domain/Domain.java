package org.synthtrust.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finite domain of an int-coded table: attribute names in column order and the number of codes each takes.
 * Attribute {@code i} takes codes {@code 0 .. size(i) - 1}. Cell indices of a marginal over a sorted attribute
 * subset are row-major (the last attribute varies fastest).
 */
public final class Domain {
    private final List<String> names;
    private final int[] sizes;
    private final Map<String, Integer> indexByName = new HashMap<>();

    @JsonCreator
    public Domain(@JsonProperty("names") List<String> names, @JsonProperty("sizes") int[] sizes) {
        if (names.size() != sizes.length) {
            throw new IllegalArgumentException(names.size() + " names but " + sizes.length + " sizes");
        }
        this.names = List.copyOf(names);
        this.sizes = sizes.clone();
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("attribute '" + names.get(i) + "' has size " + sizes[i]
                        + "; every attribute needs at least one code");
            }
            if (indexByName.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate attribute name '" + names.get(i) + "'");
            }
        }
    }

    /** Creates a domain with attributes named {@code a0, a1, ...}, for tests and int-coded inputs. */
    public static Domain ofSizes(int... sizes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            names.add("a" + i);
        }
        return new Domain(names, sizes);
    }

    @JsonProperty("names")
    public List<String> names() {
        return names;
    }

    @JsonProperty("sizes")
    public int[] sizes() {
        return sizes.clone();
    }

    public int attributeCount() {
        return sizes.length;
    }

    public int size(int attribute) {
        return sizes[attribute];
    }

    public String name(int attribute) {
        return names.get(attribute);
    }

    /** Returns the index of a named attribute, or -1 when there is none. */
    public int indexOf(String name) {
        return indexByName.getOrDefault(name, -1);
    }

    /** Returns the number of cells of the marginal over the given attributes (1 for the empty set). */
    public long cells(int[] attributes) {
        long cells = 1;
        for (int attribute : attributes) {
            cells *= sizes[attribute];
        }
        return cells;
    }

    /** Returns the sizes of the given attributes, in the given order. */
    public int[] sizesOf(int[] attributes) {
        int[] result = new int[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            result[i] = sizes[attributes[i]];
        }
        return result;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Domain{");
        for (int i = 0; i < sizes.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(sizes[i]);
        }
        return text.append('}').toString();
    }
}
