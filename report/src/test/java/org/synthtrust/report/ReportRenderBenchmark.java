package org.synthtrust.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the wall time of rendering the five-candidate example report (PDF, HTML and JSON) in one JVM.
 * Run from the report module with the test classpath; prints the first (cold) run and the median of the
 * warm runs. Not a unit test: timings depend on the machine.
 */
public final class ReportRenderBenchmark {
    private ReportRenderBenchmark() { }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("report-bench");
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ReportModel model = ReportFixtures.adult(5, 10);
            PdfRenderer.render(model, dir.resolve("report.pdf"));
            HtmlRenderer.render(model, dir.resolve("report.html"));
            ReportJson.write(model, dir.resolve("report.json"));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            System.out.println("run " + (i + 1) + ": " + millis[i] + " ms, PDF " + Files.size(dir.resolve("report.pdf"))
                    + " bytes");
        }
        long[] warm = java.util.Arrays.copyOfRange(millis, 1, runs);
        java.util.Arrays.sort(warm);
        System.out.println("cold " + millis[0] + " ms; warm median " + (warm.length == 0 ? -1 : warm[warm.length / 2]) + " ms");
    }
}
