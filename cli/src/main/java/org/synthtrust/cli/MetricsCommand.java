package org.synthtrust.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricRegistry;
import org.synthtrust.audit.MetricSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synthtrust metrics}: every metric id the audit can emit, with pillar, direction, range and meaning. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"List the audit's metric ids with their pillar, direction (which way is better), range "
                + "and meaning.",
            "Ids, id prefixes and pillars select metrics in 'audit --metrics' and in a study file's audit.metrics."})
final class MetricsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SELECTION",
            description = "Pillars, metric ids or id prefixes to list (default: all).")
    List<String> selection = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    /** One metric output as printed with --format json. */
    record MetricInfo(String id, String pillar, String direction, double min, double max, String description) { }

    /** The JSON document. */
    record MetricList(@JsonProperty("metrics") List<MetricInfo> metrics) { }

    @Override
    public Integer call() {
        List<MetricInfo> infos = new ArrayList<>();
        for (Metric metric : MetricRegistry.select(selection)) {
            for (MetricSpec spec : metric.outputs()) {
                if (selection.isEmpty() || selected(spec)) {
                    infos.add(new MetricInfo(spec.id(), spec.pillar().id(), spec.direction().id(), spec.min(),
                            spec.max(), spec.description()));
                }
            }
        }
        PrintWriter out = CliContext.current().out();
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out, new MetricList(infos));
        } else {
            printText(out, infos);
        }
        return Main.EXIT_OK;
    }

    /** A metric with several outputs is selected as a whole; list only the outputs the selection names. */
    private boolean selected(MetricSpec spec) {
        for (String raw : selection) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (spec.pillar().id().equals(entry) || spec.id().equals(entry) || spec.id().startsWith(entry + ".")
                    || spec.id().startsWith(entry + "_")) {
                return true;
            }
        }
        return false;
    }

    private static void printText(PrintWriter out, List<MetricInfo> infos) {
        int width = infos.stream().mapToInt(i -> i.id().length()).max().orElse(10);
        out.printf(Locale.ROOT, "%-" + width + "s  %-9s  %-17s  %-14s  %s%n", "id", "pillar", "direction", "range",
                "meaning");
        for (MetricInfo info : infos) {
            out.printf(Locale.ROOT, "%-" + width + "s  %-9s  %-17s  %-14s  %s%n", info.id(), info.pillar(),
                    info.direction(), "[" + number(info.min()) + ", " + number(info.max()) + "]", info.description());
        }
        out.flush();
    }

    private static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
