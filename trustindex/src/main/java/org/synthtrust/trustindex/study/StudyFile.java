package org.synthtrust.trustindex.study;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.generators.Synthesizers;
import org.synthtrust.trustindex.Aggregation;
import org.synthtrust.trustindex.Normalisation;
import org.synthtrust.trustindex.SensitivitySettings;
import org.synthtrust.trustindex.TrustPillar;
import org.synthtrust.trustindex.TrustSettings;
import org.synthtrust.trustindex.WeightProfile;
import org.synthtrust.trustindex.study.StudyPlan.CandidatePlan;

/**
 * Reads a study file (YAML, or JSON, which YAML includes) and resolves it into a {@link StudyPlan}. Unknown
 * keys and wrong types are rejected with the key path, such as {@code candidates[1].epsilon}, and every
 * setting is checked before anything is fitted.
 */
public final class StudyFile {

    /** Default holdout share when the study gives neither {@code holdout} nor {@code holdout_file}. */
    public static final double DEFAULT_HOLDOUT_FRACTION = 0.3;
    /** Default split seed; the split is not a release, so a fixed seed keeps runs comparable. */
    public static final long DEFAULT_SPLIT_SEED = 7L;

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StudyFile() {
    }

    /** Reads and resolves a study file. */
    public static StudyPlan load(Path file) {
        return resolve(read(file), file);
    }

    /** Reads a study file without resolving it. */
    public static StudySpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("study file " + file + " not found");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read study file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses study text; {@code source} names it in error messages. */
    public static StudySpec parse(String text, String source) {
        try {
            StudySpec spec = YAML.readValue(text, StudySpec.class);
            if (spec == null) {
                throw new InvalidInputException("study file " + source + " is empty; it needs at least data, "
                        + "schema and candidates");
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException("study file " + source + where(e.getLocation()) + ": unknown key '"
                    + path(e) + "'; valid keys here are " + e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            throw new InvalidInputException("study file " + source + where(e.getLocation()) + ": invalid value at '"
                    + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("study file " + source + where(e.getLocation()) + " is not valid YAML "
                    + "or JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Formats a Jackson reference chain as {@code candidates[1].epsilon}. */
    static String path(JsonMappingException e) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    /** Resolves a spec against the folder of {@code studyFile} (or the working folder when null). */
    public static StudyPlan resolve(StudySpec spec, Path studyFile) {
        Path base = studyFile == null ? Path.of("").toAbsolutePath()
                : studyFile.toAbsolutePath().getParent();
        String name = spec.name() != null ? spec.name() : defaultName(studyFile);
        Path data = existing(base, required(spec.data(), "data", "the private CSV"), "data");
        Path schema = existing(base, required(spec.schema(), "schema", "the schema file of the private CSV"),
                "schema");

        Double fraction = null;
        Long seed = null;
        Path holdoutFile = null;
        if (spec.holdoutFile() != null) {
            if (spec.holdout() != null) {
                throw new InvalidInputException("study: holdout and holdout_file are both set; keep one");
            }
            holdoutFile = existing(base, spec.holdoutFile(), "holdout_file");
        } else {
            StudySpec.Holdout holdout = spec.holdout();
            fraction = holdout == null || holdout.fraction() == null ? DEFAULT_HOLDOUT_FRACTION : holdout.fraction();
            seed = holdout == null || holdout.seed() == null ? DEFAULT_SPLIT_SEED : holdout.seed();
            if (!(fraction > 0 && fraction < 1)) {
                throw new InvalidInputException("holdout.fraction: " + fraction + " is invalid; use a share "
                        + "between 0 and 1, such as 0.3");
            }
        }

        List<CandidatePlan> candidates = candidates(spec.candidates(), base);
        List<String> metrics = spec.audit() == null || spec.audit().metrics() == null ? List.of()
                : List.copyOf(spec.audit().metrics());
        MetricRegistry.select(metrics);
        AuditSettings audit = auditSettings(spec.audit());
        TrustSettings trust = trustSettings(spec);
        Path output = spec.output() == null ? null : base.resolve(spec.output()).normalize();
        return new StudyPlan(studyFile, spec, name, data, schema, fraction, seed, holdoutFile, candidates, metrics,
                audit, trust, output);
    }

    private static String defaultName(Path studyFile) {
        if (studyFile == null) {
            return "study";
        }
        String file = studyFile.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String required(String value, String key, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("study: '" + key + "' is missing; set it to " + what
                    + " (a path relative to the study file)");
        }
        return value;
    }

    private static Path existing(Path base, String relative, String key) {
        Path path = base.resolve(relative).normalize();
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(key + ": file " + path + " not found (paths are relative to the "
                    + "study file)");
        }
        return path;
    }

    private static List<CandidatePlan> candidates(List<StudySpec.Candidate> specs, Path base) {
        if (specs == null || specs.isEmpty()) {
            throw new InvalidInputException("study: 'candidates' is missing or empty; list at least one "
                    + "candidate with a method or a file");
        }
        List<CandidatePlan> plans = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            StudySpec.Candidate candidate = specs.get(i);
            String key = "candidates[" + i + "]";
            String name = candidate.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidInputException(key + ".name: '" + name + "' is invalid; use letters, digits, "
                        + "'.', '_' and '-', starting with a letter or digit");
            }
            int set = (candidate.method() != null ? 1 : 0) + (candidate.file() != null ? 1 : 0)
                    + (candidate.grid() != null ? 1 : 0);
            if (set != 1) {
                throw new InvalidInputException(key + " (" + name + "): set exactly one of method, grid or file");
            }
            if (candidate.file() != null) {
                plans.add(external(candidate, key, base));
            } else if (candidate.grid() != null) {
                plans.addAll(grid(candidate, key));
            } else {
                plans.add(fitted(candidate, key, name, candidate.method(), candidate.epsilon(), params(candidate
                        .params(), key), null));
            }
        }
        Set<String> names = new HashSet<>();
        for (CandidatePlan plan : plans) {
            if (!names.add(plan.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("candidates: the name '" + plan.name() + "' is used twice (names "
                        + "are compared without case because they become file names); rename one");
            }
        }
        return plans;
    }

    private static CandidatePlan external(StudySpec.Candidate candidate, String key, Path base) {
        if (candidate.params() != null || candidate.rows() != null || candidate.repeats() != null
                || candidate.seed() != null) {
            throw new InvalidInputException(key + " (" + candidate.name() + "): an external file candidate takes "
                    + "only name, file, epsilon and delta; remove params, rows, repeats and seed");
        }
        if (candidate.epsilon() != null && !(candidate.epsilon() > 0 && Double.isFinite(candidate.epsilon()))) {
            throw new InvalidInputException(key + ".epsilon: " + candidate.epsilon() + " is invalid; give the "
                    + "positive epsilon the table's maker declares, or leave it out when none is declared");
        }
        Path file = existing(base, candidate.file(), key + ".file");
        return new CandidatePlan(candidate.name(), null, candidate.epsilon(), candidate.delta(), Map.of(), null, 1,
                null, file, null);
    }

    private static CandidatePlan fitted(StudySpec.Candidate candidate, String key, String name, String method,
                                        Double epsilon, Map<String, String> params, String grid) {
        Synthesizers.byId(method);
        if (epsilon == null || !(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new InvalidInputException(key + ".epsilon: " + epsilon + " is invalid; every fitted candidate "
                    + "needs a finite epsilon > 0");
        }
        if (candidate.delta() == null) {
            throw new InvalidInputException(key + ".delta: missing; give the budget delta (0 for pure "
                    + "differential privacy, for example 1.0e-9 for MST or AIM)");
        }
        org.synthtrust.core.privacy.PrivacyBudget.of(epsilon, candidate.delta());
        int repeats = candidate.repeats() == null ? 1 : candidate.repeats();
        if (repeats < 1) {
            throw new InvalidInputException(key + ".repeats: " + repeats + " is invalid; use 1 or more");
        }
        if (candidate.rows() != null && candidate.rows() < 1) {
            throw new InvalidInputException(key + ".rows: " + candidate.rows() + " is invalid; use 1 or more, or "
                    + "leave it out to sample the model's noisy row-count estimate");
        }
        return new CandidatePlan(name, method, epsilon, candidate.delta(), params, candidate.rows(), repeats,
                candidate.seed(), null, grid);
    }

    private static List<CandidatePlan> grid(StudySpec.Candidate candidate, String key) {
        StudySpec.Grid grid = candidate.grid();
        if (candidate.epsilon() != null || candidate.params() != null) {
            throw new InvalidInputException(key + " (" + candidate.name() + "): a grid takes its epsilons and "
                    + "parameters from grid.epsilons and grid.params; remove epsilon and params");
        }
        if (grid.methods() == null || grid.methods().isEmpty() || grid.epsilons() == null
                || grid.epsilons().isEmpty()) {
            throw new InvalidInputException(key + ".grid: list at least one method in grid.methods and one "
                    + "epsilon in grid.epsilons");
        }
        Map<String, List<Object>> gridParams = grid.params() == null ? Map.of() : grid.params();
        if (gridParams.size() > 1) {
            throw new InvalidInputException(key + ".grid.params: " + gridParams.keySet() + " varies "
                    + gridParams.size() + " parameters; a grid varies at most one");
        }
        String parameter = gridParams.isEmpty() ? null : gridParams.keySet().iterator().next();
        List<Object> values = parameter == null ? java.util.Collections.singletonList(null) : gridParams.get(
                parameter);
        if (values == null || values.isEmpty()) {
            throw new InvalidInputException(key + ".grid.params." + parameter + ": list at least one value");
        }
        List<CandidatePlan> members = new ArrayList<>();
        for (String method : grid.methods()) {
            for (Double epsilon : grid.epsilons()) {
                for (Object value : values) {
                    Map<String, String> params = new LinkedHashMap<>();
                    String name = candidate.name() + "-" + method + "-e" + text(epsilon);
                    if (parameter != null) {
                        params.put(parameter, text(value));
                        name += "-" + parameter + "-" + text(value);
                    }
                    members.add(fitted(candidate, key, name, method, epsilon, params, candidate.name()));
                }
            }
        }
        return members;
    }

    private static Map<String, String> params(Map<String, Object> raw, String key) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((name, value) -> {
                if (value == null || value instanceof Map || value instanceof List) {
                    throw new InvalidInputException(key + ".params." + name + ": " + value + " is invalid; a "
                            + "parameter takes one number, word or true/false");
                }
                params.put(name, text(value));
            });
        }
        return params;
    }

    /** Formats a YAML scalar for a parameter map or a file name: 1.0 as 1, 0.5 as 0.5, text as is. */
    static String text(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static AuditSettings auditSettings(StudySpec.Audit spec) {
        AuditSettings settings = AuditSettings.defaults();
        if (spec == null) {
            return settings;
        }
        if (spec.seed() != null) {
            settings = settings.withSeed(spec.seed());
        }
        if (spec.groupColumn() != null) {
            settings = settings.withGroupColumn(spec.groupColumn());
        }
        if (spec.maxModelRows() != null) {
            settings = settings.withMaxModelRows(spec.maxModelRows());
        }
        return settings;
    }

    static TrustSettings trustSettings(StudySpec spec) {
        String profile;
        Map<TrustPillar, Double> weights;
        Object raw = spec.weights();
        if (raw == null) {
            profile = WeightProfile.BALANCED.id();
            weights = WeightProfile.BALANCED.weights();
        } else if (raw instanceof String text) {
            WeightProfile chosen = WeightProfile.parse(text);
            if (chosen == WeightProfile.CUSTOM) {
                throw new InvalidInputException("weights: 'custom' needs the pillar weights themselves; write "
                        + "weights: {privacy: 3, fidelity: 1, utility: 1, fairness: 1}");
            }
            profile = chosen.id();
            weights = chosen.weights();
        } else if (raw instanceof Map<?, ?> map) {
            profile = WeightProfile.CUSTOM.id();
            weights = new EnumMap<>(TrustPillar.class);
            for (TrustPillar pillar : TrustPillar.values()) {
                weights.put(pillar, 0.0);
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                TrustPillar pillar = TrustPillar.parse(String.valueOf(entry.getKey()), "weights");
                if (!(entry.getValue() instanceof Number number)) {
                    throw new InvalidInputException("weights." + pillar.id() + ": '" + entry.getValue()
                            + "' is not a number");
                }
                weights.put(pillar, number.doubleValue());
            }
        } else {
            throw new InvalidInputException("weights: write a profile (privacy-first, balanced, utility-first, "
                    + "fairness-first) or pillar weights such as {privacy: 3, fidelity: 1}");
        }

        SensitivitySettings sensitivity = SensitivitySettings.DEFAULT;
        if (spec.sensitivity() != null) {
            StudySpec.Sensitivity given = spec.sensitivity();
            sensitivity = new SensitivitySettings(
                    given.samples() == null ? sensitivity.samples() : given.samples(),
                    given.concentration() == null ? sensitivity.concentration() : given.concentration(),
                    given.seed() == null ? sensitivity.seed() : given.seed());
        }
        TrustSettings settings = new TrustSettings(
                spec.normalisation() == null ? null : Normalisation.parse(spec.normalisation()),
                spec.aggregation() == null ? null : Aggregation.parse(spec.aggregation()),
                profile, weights, spec.metricWeights(), spec.constraints(),
                spec.defaultConstraints() == null || spec.defaultConstraints(), null, sensitivity);
        settings.parsedConstraints();
        return settings;
    }
}
