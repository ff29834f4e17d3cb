package org.synthtrust.generators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.core.InvalidInputException;

/** Resolved parameter values of one fit: the defaults overridden by validated user values. */
public final class Parameters {
    private final Map<String, String> values;

    private Parameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Validates user values against the descriptors and fills in defaults.
     *
     * @throws InvalidInputException for an unknown name (the message lists the valid ones) or an invalid value
     */
    public static Parameters resolve(String method, List<ParameterDescriptor> descriptors, Map<String, String> user) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, ParameterDescriptor> byName = new LinkedHashMap<>();
        for (ParameterDescriptor descriptor : descriptors) {
            byName.put(descriptor.name(), descriptor);
            resolved.put(descriptor.name(), descriptor.defaultValue());
        }
        if (user != null) {
            for (Map.Entry<String, String> entry : user.entrySet()) {
                ParameterDescriptor descriptor = byName.get(entry.getKey());
                if (descriptor == null) {
                    throw new InvalidInputException("method '" + method + "' has no parameter '" + entry.getKey()
                            + "'; valid parameters are " + byName.keySet());
                }
                resolved.put(entry.getKey(), descriptor.validate(method, entry.getValue()));
            }
        }
        return new Parameters(resolved);
    }

    public int getInt(String name) {
        return Integer.parseInt(values.get(name));
    }

    public double getDouble(String name) {
        return Double.parseDouble(values.get(name));
    }

    public boolean getBoolean(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    public String get(String name) {
        return values.get(name);
    }

    /** Returns all resolved values, for provenance. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
