package org.synthtrust.generators;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.synthtrust.core.InvalidInputException;

/**
 * A synthesizer parameter as shown by {@code synthtrust methods} and the GUI.
 *
 * @param name key in {@code --param name=value} and in study files
 * @param type {@code int}, {@code double}, {@code boolean} or {@code choice}
 * @param defaultValue default as text
 * @param min smallest valid value for numbers (inclusive), or null
 * @param max largest valid value for numbers (inclusive), or null
 * @param choices valid values of a {@code choice} parameter, or null
 * @param help what the parameter sets, with its unit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterDescriptor(String name, String type, String defaultValue, Double min, Double max,
        List<String> choices, String help) {

    public static ParameterDescriptor ofInt(String name, int defaultValue, int min, int max, String help) {
        return new ParameterDescriptor(name, "int", Integer.toString(defaultValue), (double) min, (double) max, null,
                help);
    }

    public static ParameterDescriptor ofDouble(String name, double defaultValue, double min, double max,
            String help) {
        return new ParameterDescriptor(name, "double", Double.toString(defaultValue), min, max, null, help);
    }

    public static ParameterDescriptor ofBoolean(String name, boolean defaultValue, String help) {
        return new ParameterDescriptor(name, "boolean", Boolean.toString(defaultValue), null, null, null, help);
    }

    public static ParameterDescriptor ofChoice(String name, String defaultValue, List<String> choices, String help) {
        return new ParameterDescriptor(name, "choice", defaultValue, null, null, List.copyOf(choices), help);
    }

    /** Checks a text value against the type and range and returns it normalised. */
    public String validate(String method, String value) {
        String trimmed = value.trim();
        String where = "parameter '" + name + "' of method '" + method + "'";
        switch (type) {
            case "int":
            case "double":
                double number;
                try {
                    number = type.equals("int") ? Long.parseLong(trimmed) : Double.parseDouble(trimmed);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(where + " must be " + (type.equals("int") ? "an integer" : "a number")
                            + "; got '" + value + "'");
                }
                if (Double.isNaN(number) || (min != null && number < min) || (max != null && number > max)) {
                    throw new InvalidInputException(where + " must be in [" + format(min) + ", " + format(max)
                            + "]; got " + trimmed);
                }
                return trimmed;
            case "boolean":
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new InvalidInputException(where + " must be true or false; got '" + value + "'");
                }
                return lower;
            default:
                if (choices != null && !choices.contains(trimmed)) {
                    throw new InvalidInputException(where + " must be one of " + choices + "; got '" + value + "'");
                }
                return trimmed;
        }
    }

    private String format(Double bound) {
        if (bound == null) {
            return "unbounded";
        }
        return type.equals("int") ? Long.toString(bound.longValue()) : bound.toString();
    }
}
