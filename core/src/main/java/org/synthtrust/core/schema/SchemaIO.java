package org.synthtrust.core.schema;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.io.AtomicFiles;

/**
 * Reads and writes schema files (JSON, or YAML for {@code .yaml}/{@code .yml} names). Reading is strict:
 * unknown keys, duplicate keys and values of the wrong JSON type are rejected with the key path (for example
 * {@code columns.age.bounds[1]}), and the parsed schema is validated with {@link SchemaValidator}.
 */
public final class SchemaIO {
    private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();

    private SchemaIO() {
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // A category written as a bare number or boolean is a typing mistake, not a spelling to guess.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /** Reads and validates a schema file; every problem is an InvalidInputException naming the key path. */
    public static Schema read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read schema file " + file + ": " + e.getMessage()
                    + "; check the path and that the file is UTF-8 text", e);
        }
        return parse(content, file.toString(), isYaml(file));
    }

    /** Parses and validates schema text; {@code source} names the origin in messages. */
    public static Schema parse(String content, String source, boolean yaml) {
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        if (content.isBlank()) {
            throw new InvalidInputException("schema file " + source + " is empty; it needs a \"columns\" object");
        }
        Schema schema;
        try {
            schema = (yaml ? YAML : JSON).readValue(content, Schema.class);
        } catch (JsonProcessingException e) {
            throw translate(e, source);
        }
        if (schema == null) {
            throw new InvalidInputException("schema file " + source + " contains null; it needs a \"columns\" object");
        }
        schema = normaliseNames(schema, source);
        SchemaValidator.validate(schema, source);
        return schema;
    }

    /**
     * Returns the schema with column names in Unicode NFC, the form the CSV reader gives header names, so a
     * name typed with combining accents still matches. Two keys that become equal are rejected.
     */
    private static Schema normaliseNames(Schema schema, String source) {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnSpec> entry : schema.columns().entrySet()) {
            String name = Normalizer.normalize(entry.getKey(), Normalizer.Form.NFC);
            if (columns.containsKey(name)) {
                throw new InvalidInputException("columns." + name + " is listed twice in schema " + source
                        + " (once with combining accents); keep one entry");
            }
            columns.put(name, entry.getValue());
        }
        return new Schema(schema.missingMarkers(), columns);
    }

    /** Writes a schema as JSON, or YAML for {@code .yaml}/{@code .yml} names, atomically. */
    public static void write(Schema schema, Path file) {
        String text = toText(schema, isYaml(file));
        AtomicFiles.writeText(file, writer -> writer.write(text));
    }

    /** Returns the schema as indented JSON, as written to schema files. */
    public static String toJson(Schema schema) {
        return toText(schema, false);
    }

    private static String toText(Schema schema, boolean yaml) {
        try {
            String text = (yaml ? YAML : JSON).writeValueAsString(schema);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schema could not be serialised", e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static InvalidInputException translate(JsonProcessingException e, String source) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String path = keyPath(unknown);
            return new InvalidInputException("unknown key " + path + " in schema " + source + "; known keys here are "
                    + knownKeys(unknown.getKnownPropertyIds()) + ". Remove or rename the key", e);
        }
        if (e instanceof InvalidFormatException format) {
            return new InvalidInputException("invalid value " + quote(format.getValue()) + " at " + keyPath(format)
                    + " in schema " + source + ": expected " + expected(format.getTargetType()) + hint(format), e);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String path = keyPath(mismatch);
            return new InvalidInputException("wrong type at " + (path.isEmpty() ? "the top level" : path)
                    + " in schema " + source + ": expected " + expected(mismatch.getTargetType()) + " ("
                    + firstLine(mismatch.getOriginalMessage()) + ")", e);
        }
        if (e instanceof JsonMappingException mapping) {
            return new InvalidInputException("invalid value at " + keyPath(mapping) + " in schema " + source + ": "
                    + firstLine(rootMessage(mapping)), e);
        }
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return new InvalidInputException("schema " + source + " is not valid " + "JSON/YAML" + where + ": "
                    + firstLine(parse.getOriginalMessage()) + "; fix the syntax there", e);
        }
        return new InvalidInputException("schema " + source + " could not be read: " + firstLine(e.getOriginalMessage()), e);
    }

    /** Builds a path such as {@code columns.age.bounds[1]} from Jackson's reference chain. */
    static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string in double quotes";
        }
        if (type == org.synthtrust.core.table.ColumnType.class) {
            return "a column type (categorical, integer, real, boolean, date, datetime, text)";
        }
        if (type == Role.class) {
            return "a role (identifier, quasi_identifier, sensitive, target, protected, ignore)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list in [ ]";
        }
        return "an object in { }";
    }

    private static String hint(InvalidFormatException e) {
        return e.getTargetType() != null && e.getTargetType().isEnum() ? "" : " (" + firstLine(e.getOriginalMessage()) + ")";
    }

    private static String knownKeys(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "none";
        }
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String quote(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e && e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                : String.valueOf(root.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson appends advice about its own coercion settings, which users of schema files cannot act on.
        int advice = line.indexOf(" (but ");
        return advice < 0 ? line : line.substring(0, advice);
    }
}
