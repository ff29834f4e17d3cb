package org.synthtrust.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Synthesizer;
import org.synthtrust.generators.Synthesizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synthtrust methods}: the registered synthesizers with their parameters, defaults, ranges and help. */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = {"List the synthesizers and their parameters (type, default, valid range, meaning).",
            "Parameters are given as --param NAME=VALUE to 'generate' and under 'params' in a study file."})
final class MethodsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Show only this method (default: all).")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    /** One synthesizer as printed with --format json. */
    record MethodInfo(String id, String description, List<ParameterInfo> parameters) { }

    /** One parameter with snake_case keys; bounds and choices are left out when they do not apply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParameterInfo(String name, String type, @JsonProperty("default_value") String defaultValue, Double min,
                         Double max, List<String> choices, String help) {
        static ParameterInfo of(ParameterDescriptor p) {
            return new ParameterInfo(p.name(), p.type(), p.defaultValue(), p.min(), p.max(), p.choices(), p.help());
        }
    }

    /** The JSON document: a list under a key, so later fields can be added without breaking readers. */
    record MethodList(@JsonProperty("methods") List<MethodInfo> methods) { }

    @Override
    public Integer call() {
        List<Synthesizer> synthesizers = id == null ? Synthesizers.all() : List.of(Synthesizers.byId(id));
        List<MethodInfo> methods = new ArrayList<>();
        for (Synthesizer synthesizer : synthesizers) {
            methods.add(new MethodInfo(synthesizer.id(), synthesizer.description(),
                    synthesizer.parameters().stream().map(ParameterInfo::of).toList()));
        }
        PrintWriter out = CliContext.current().out();
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out, new MethodList(methods));
        } else {
            printText(out, methods);
        }
        return Main.EXIT_OK;
    }

    private static void printText(PrintWriter out, List<MethodInfo> methods) {
        for (MethodInfo method : methods) {
            out.println(method.id());
            out.println("  " + method.description());
            if (method.parameters().isEmpty()) {
                out.println("  (no parameters)");
            }
            for (ParameterInfo p : method.parameters()) {
                out.printf(Locale.ROOT, "  --param %-22s %-8s default %-10s %s%n", p.name() + "=", p.type(),
                        p.defaultValue(), range(p));
                out.println("      " + p.help());
            }
            out.println();
        }
        out.flush();
    }

    private static String range(ParameterInfo p) {
        if (p.choices() != null) {
            return "one of " + String.join(", ", p.choices());
        }
        if (p.min() == null && p.max() == null) {
            return "";
        }
        return "range [" + bound(p, p.min()) + ", " + bound(p, p.max()) + "]";
    }

    private static String bound(ParameterInfo p, Double value) {
        if (value == null) {
            return "unbounded";
        }
        if (p.type().equals("int")) {
            return Long.toString(value.longValue());
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
                : Double.toString(value);
    }
}
