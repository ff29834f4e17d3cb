package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The methods and metrics listings, help on every command, and the version. */
class ListingCommandsTest {

    @Test
    void methodsTextListsParameters() {
        Cli result = Cli.run("methods");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_OK);
        assertThat(result.out()).contains("independent", "mst", "aim", "privbayes", "dpgan", "--param", "default");
    }

    @Test
    void methodsJsonHasRanges() throws Exception {
        Cli result = Cli.run("methods", "--format", "json");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_OK);
        JsonNode methods = new ObjectMapper().readTree(result.out()).get("methods");
        assertThat(methods.size()).isGreaterThanOrEqualTo(5);
        boolean anyRange = false;
        for (JsonNode method : methods) {
            assertThat(method.get("id").asText()).isNotBlank();
            for (JsonNode parameter : method.get("parameters")) {
                assertThat(parameter.has("default_value")).isTrue();
                anyRange |= parameter.has("min") && parameter.has("max");
            }
        }
        assertThat(anyRange).isTrue();
    }

    @Test
    void unknownMethodExitsTwo() {
        Cli result = Cli.run("methods", "nosuch");
        assertThat(result.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("unknown method 'nosuch'", "mst");
    }

    @Test
    void metricsTextAndJson() throws Exception {
        Cli text = Cli.run("metrics");
        assertThat(text.code()).as(text.both()).isEqualTo(Main.EXIT_OK);
        assertThat(text.out()).contains("fidelity.marginal1.tvd_mean", "lower_is_better", "privacy.dcr.median");

        Cli json = Cli.run("metrics", "privacy", "--format", "json");
        assertThat(json.code()).as(json.both()).isEqualTo(Main.EXIT_OK);
        JsonNode metrics = new ObjectMapper().readTree(json.out()).get("metrics");
        assertThat(metrics.size()).isPositive();
        for (JsonNode metric : metrics) {
            assertThat(metric.get("pillar").asText()).isEqualTo("privacy");
            assertThat(metric.get("min").asDouble()).isLessThanOrEqualTo(metric.get("max").asDouble());
            assertThat(metric.get("description").asText()).isNotBlank();
        }
    }

    @Test
    void unknownMetricExitsTwo() {
        Cli result = Cli.run("metrics", "fidelity.nosuch");
        assertThat(result.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("fidelity.nosuch");
    }

    @Test
    void helpOnEveryCommand() {
        for (String command : Main.commandNames()) {
            if (command.equals("help")) {
                continue;
            }
            Cli result = Cli.run(command, "--help");
            assertThat(result.code()).as(command + "\n" + result.both()).isEqualTo(Main.EXIT_OK);
            assertThat(result.out()).as(command).contains("Usage: synthtrust " + command, "--quiet", "--log-file");
        }
        Cli top = Cli.run("--help");
        assertThat(top.out()).contains("methods", "metrics", "run", "Exit codes");
    }

    @Test
    void versionPrintsName() {
        Cli result = Cli.run("--version");
        assertThat(result.code()).isEqualTo(Main.EXIT_OK);
        assertThat(result.out()).startsWith("synthtrust ");
    }

    @Test
    void unknownOptionExitsTwo() {
        Cli result = Cli.run("methods", "--colour");
        assertThat(result.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(result.err()).contains("--colour");
    }
}
