package org.synthtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;

/** Cancellation (exit 130), internal errors (exit 1 with a log file), progress bars and the heap estimate. */
class CancelAndErrorsTest {
    @TempDir
    Path folder;

    @Test
    void cancelKeepsFinishedOutputs() throws Exception {
        Resources.copy("cases/base-small.csv", folder);
        Resources.copy("cases/base-small.schema.json", folder);
        // The GAN's million steps keep the study busy long after the independent candidate is written.
        Path study = Resources.write(folder, "study.yaml", """
                data: base-small.csv
                schema: base-small.schema.json
                holdout: {fraction: 0.25, seed: 1}
                candidates:
                  - {name: fast, method: independent, epsilon: 1.0, delta: 1.0e-6, seed: 1}
                  - {name: slow, method: dpgan, epsilon: 1.0, delta: 1.0e-6, seed: 2,
                     params: {steps: 1000000, batch_size: 8}}
                """);
        Path out = folder.resolve("out");
        CancellationToken token = new CancellationToken();
        CompletableFuture<Cli> running = CompletableFuture.supplyAsync(() ->
                Cli.run(token, "run", study.toString(), "--out", out.toString(), "--progress", "lines"));

        Path finished = out.resolve("synthetic/fast.csv");
        for (int i = 0; i < 1200 && !Files.exists(finished) && !running.isDone(); i++) {
            Thread.sleep(50);
        }
        assertThat(running.isDone()).as("the study ended before it could be cancelled").isFalse();
        token.cancel();
        Cli result = running.get(2, TimeUnit.MINUTES);

        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_CANCELLED);
        assertThat(result.err()).contains("cancelled", "fast: ");
        assertThat(finished).isRegularFile();
        assertThat(out.resolve("synthetic/fast.provenance.json")).isRegularFile();
        assertThat(out.resolve("synthetic/slow.csv")).doesNotExist();
        assertThat(out.resolve("ranking.json")).doesNotExist();
        assertThat(Files.readString(out.resolve("run.log"))).contains("cancelled");
    }

    @Test
    void internalErrorNamesLogFile() throws Exception {
        Resources.copy("cases/base-small.csv", folder);
        Resources.copy("cases/base-small.schema.json", folder);
        Path blocker = Files.writeString(folder.resolve("blocker"), "a file where a folder is expected");
        Path log = folder.resolve("logs/synthtrust.log");
        Cli result = Cli.run("audit", "--train", folder.resolve("base-small.csv").toString(),
                "--holdout", folder.resolve("base-small.csv").toString(),
                "--schema", folder.resolve("base-small.schema.json").toString(),
                "--synthetic", "copy=" + folder.resolve("base-small.csv"), "--metrics", "fidelity.marginal1",
                "--out", blocker.resolve("sub").toString(), "--log-file", log.toString(), "--progress", "none");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INTERNAL);
        assertThat(result.err()).contains("internal error", log.toAbsolutePath().toString());
        assertThat(Files.readString(log)).contains("command: synthtrust audit", "\tat org.synthtrust.cli.");
    }

    @Test
    void progressBarOnCapturedStream() {
        Resources.copy("cases/base-small.csv", folder);
        Resources.copy("cases/base-small.schema.json", folder);
        Cli result = Cli.run("audit", "--train", folder.resolve("base-small.csv").toString(),
                "--holdout", folder.resolve("base-small.csv").toString(),
                "--schema", folder.resolve("base-small.schema.json").toString(),
                "--synthetic", "copy=" + folder.resolve("base-small.csv"), "--metrics", "fidelity",
                "--out", folder.resolve("out").toString(), "--progress", "bar");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_OK);
        assertThat(result.err()).contains("\r").containsPattern("100% \\[=+\\]");
        assertThat(result.out()).doesNotContain("\r");
    }

    @Test
    void heapEstimateNamesXmx() {
        Path input = Resources.copy("cases/base-small.csv", folder);
        HeapCheck.require(input, 3, Runtime.getRuntime().maxMemory(), "this study");
        InvalidInputException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> HeapCheck.require(input, 3, 64L * 1024 * 1024, "this study"));
        assertThat(error.getMessage()).contains("-Xmx1g", "allows 64 MiB", "--skip-heap-check");
    }

    @Test
    void heapEstimateGrowsWithInput() {
        long oneGib = 1024L * 1024 * 1024;
        assertThat(HeapCheck.estimate(120L * 1024 * 1024, 3)).isLessThan(oneGib + 256L * 1024 * 1024);
        assertThat(HeapCheck.estimate(1024L * 1024 * 1024, 3)).isGreaterThan(8 * oneGib);
    }

    @Test
    void crashLogDefaultsToTempFolder() throws Exception {
        Resources.copy("cases/base-small.csv", folder);
        Resources.copy("cases/base-small.schema.json", folder);
        Path blocker = Files.writeString(folder.resolve("blocker"), "a file where a folder is expected");
        Cli result = Cli.run("audit", "--train", folder.resolve("base-small.csv").toString(),
                "--holdout", folder.resolve("base-small.csv").toString(),
                "--schema", folder.resolve("base-small.schema.json").toString(),
                "--synthetic", "copy=" + folder.resolve("base-small.csv"), "--metrics", "fidelity.marginal1",
                "--out", blocker.resolve("sub").toString(), "--progress", "none");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_INTERNAL);
        java.util.regex.Matcher path = java.util.regex.Pattern.compile("stack trace is in (\\S+synthtrust-error-\\S+\\.log)")
                .matcher(result.err());
        assertThat(path.find()).as(result.err()).isTrue();
        Path log = Path.of(path.group(1));
        assertThat(Files.readString(log)).contains("UncheckedIOException");
        Files.delete(log);
    }

    @Test
    void cancelBeforeStartExits130() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        Cli result = Cli.run(token, "methods");
        assertThat(result.code()).as(result.both()).isEqualTo(Main.EXIT_CANCELLED);
    }
}
