package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.PulseMonitor;
import org.synthtrust.app.data.SchemaEditor;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.synthtrust.core.schema.Role;
import org.synthtrust.trustindex.Ranking;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the whole workbench flow on the Adult sample: data, schema roles, two MST candidates with a real
 * privacy trade-off, audit, re-ranking by the privacy weight, and PDF export.
 */
@ExtendWith(ApplicationExtension.class)
class WorkflowTest {
    /** Synthetic rows per candidate: enough for stable marginals, small enough to audit in seconds. */
    private static final int SYNTHETIC_ROWS = 3000;
    /** Metric families that finish in seconds on Adult; the full suite's model-based metrics take minutes. */
    private static final java.util.List<String> FAST_METRICS = java.util.List.of("fidelity.column_shape",
            "fidelity.kmarginal", "privacy.dcr", "privacy.exact_match");

    private MainWindow window;
    private WorkbenchDriver driver;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void adultFlowEndToEnd(FxRobot robot) throws Exception {
        driver = new WorkbenchDriver(robot, window);
        PulseMonitor pulses = new PulseMonitor();
        robot.interact(pulses::start);
        StallWatchdog watchdog = new StallWatchdog();
        robot.interact(watchdog::start);

        mark("open csv");
        driver.openCsv(WorkbenchDriver.ADULT);
        Path schemaFile = WorkbenchDriver.adultSchemaWithoutRoles(temp);
        mark("load schema");
        robot.interact(() -> window.dataScreen().loadSchema(schemaFile));
        driver.waitUntil(60, () -> driver.state().schemaProperty().get() != null
                && driver.state().schemaProperty().get().columnsWithRole(Role.TARGET).isEmpty()
                && driver.state().dataProperty().get().schema() == driver.state().schemaProperty().get());

        mark("edit roles");
        SchemaEditor editor = window.dataScreen().schemaEditor();
        robot.interact(() -> editor.selectColumn("income"));
        robot.clickOn((CheckBox) robot.lookup("#role-target").query());
        robot.interact(() -> editor.selectColumn("sex"));
        robot.clickOn((CheckBox) robot.lookup("#role-protected").query());
        driver.waitUntil(5, () -> driver.state().schemaProperty().get().columnsWithRole(Role.TARGET)
                .equals(java.util.List.of("income")));
        assertThat(driver.state().schemaProperty().get().columnsWithRole(Role.PROTECTED)).containsExactly("sex");

        mark("generate screen");
        robot.interact(() -> window.select(1));
        ComboBox<Engine.SynthesizerInfo> methods = robot.lookup("#synthesizer-choice").queryComboBox();
        Engine.SynthesizerInfo mst = methods.getItems().stream().filter(info -> info.id().equals("mst"))
                .findFirst().orElseThrow();
        robot.interact(() -> methods.setValue(mst));
        addCandidate("mst-e0.3", "0.3");
        addCandidate("mst-e10", "10");
        assertThat(driver.state().candidates()).extracting(Candidate::name).containsExactly("mst-e0.3", "mst-e10");

        mark("fit");
        long started = System.nanoTime();
        driver.click("#run-queue");
        driver.waitUntil(600, () -> driver.state().candidates().stream()
                .allMatch(candidate -> candidate.status() == CandidateStatus.FINISHED
                        || candidate.status() == CandidateStatus.FAILED));
        for (Candidate candidate : driver.state().candidates()) {
            assertThat(candidate.status()).as(candidate.name() + ": " + candidate.messageProperty().get())
                    .isEqualTo(CandidateStatus.FINISHED);
            assertThat(candidate.ledgerProperty().get()).isNotEmpty();
            assertThat(candidate.spentEpsilonProperty().get()).isLessThanOrEqualTo(candidate.epsilon() * (1 + 1e-9));
        }

        mark("audit");
        long fitted = System.nanoTime();
        robot.interact(() -> {
            window.select(2);
            driver.state().auditGroups().setAll(FAST_METRICS);
        });
        driver.click("#run-audit");
        driver.waitUntil(600, () -> !driver.state().auditResults().isEmpty());
        System.out.printf(java.util.Locale.ROOT, "Workbench Adult flow: fits %.1f s, audit %.1f s%n",
                (fitted - started) / 1e9, (System.nanoTime() - fitted) / 1e9);

        mark("trust screen");
        robot.interact(() -> window.select(3));
        driver.waitUntil(60, () -> driver.state().rankingProperty().get() != null);
        org.synthtrust.audit.AuditResult audit = driver.state().auditProperty().get();
        Slider privacy = robot.lookup("#weight-privacy").query();
        mark("privacy slider");
        robot.interact(() -> privacy.setValue(0));
        driver.waitUntil(60, () -> driver.state().rankingProperty().get() != null
                && driver.state().rankingProperty().get().weights().get("privacy") == 0.0);
        Ranking withoutPrivacy = driver.state().rankingProperty().get();
        String firstWithoutPrivacy = first(withoutPrivacy);
        robot.interact(() -> privacy.setValue(5));
        driver.waitUntil(60, () -> driver.state().rankingProperty().get().weights().get("privacy") == 5.0);
        Ranking withPrivacy = driver.state().rankingProperty().get();
        String firstWithPrivacy = first(withPrivacy);
        System.out.println("Workbench Adult flow: first without privacy weight " + firstWithoutPrivacy
                + ", with privacy weight 5 " + firstWithPrivacy);
        // The stored audit is re-weighted, not recomputed: same results, different indices.
        assertThat(driver.state().auditProperty().get()).isSameAs(audit);
        assertThat(indexOf(withPrivacy, "mst-e0.3")).isNotEqualTo(indexOf(withoutPrivacy, "mst-e0.3"));
        // Without a privacy weight fidelity decides (eps 10 wins); with it the claimed epsilon does (eps 0.3).
        assertThat(firstWithoutPrivacy).isEqualTo("mst-e10");
        assertThat(firstWithPrivacy).isEqualTo("mst-e0.3");

        mark("report export");
        robot.interact(() -> window.select(4));
        Path reports = temp.resolve("reports");
        robot.interact(() -> window.reportScreen().export(reports));
        driver.waitUntil(300, () -> Files.isRegularFile(reports.resolve("report.pdf"))
                && Files.isRegularFile(reports.resolve("report.json")));
        byte[] pdf = Files.readAllBytes(reports.resolve("report.pdf"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(10_000);

        mark("save project");
        // Saved for the screenshot tour and the reopen test: a finished project in the module's build folder.
        Path project = Path.of("target", "adult-project").toAbsolutePath();
        robot.interact(() -> window.saveProjectTo(project));
        driver.waitUntil(120, () -> !driver.state().isDirty() && Files.isRegularFile(project.resolve("audit.json"))
                && Files.isRegularFile(project.resolve("synthetic/mst-e10.csv")));

        robot.interact(pulses::stop);
        watchdog.stop();
        if (Boolean.getBoolean("synthtrust.stallTraces")) {
            watchdog.reports().forEach(System.out::println);
        }
        System.out.printf(java.util.Locale.ROOT, "Workbench Adult flow: longest FX-thread stall %.1f ms over %d "
                + "pulses%n", pulses.maxGapMillis(), pulses.pulses());
        for (PulseMonitor.Gap gap : pulses.longGaps()) {
            String phase = "start";
            for (java.util.Map.Entry<Long, String> mark : phases.entrySet()) {
                if (mark.getKey() <= gap.endNanos()) {
                    phase = mark.getValue();
                }
            }
            System.out.printf(java.util.Locale.ROOT, "Workbench Adult flow: stall %.1f ms during '%s'%n",
                    gap.millis(), phase);
        }
        assertThat(Background.workOnWorkers()).contains("fit", "audit", "export");
        assertThat(Background.workOnFxThread()).isEmpty();
    }

    private final java.util.TreeMap<Long, String> phases = new java.util.TreeMap<>();

    private void mark(String phase) {
        phases.put(System.nanoTime(), phase);
    }

    private void addCandidate(String name, String epsilon) throws java.util.concurrent.TimeoutException {
        driver.type("#epsilon", epsilon);
        driver.type("#rows", Integer.toString(SYNTHETIC_ROWS));
        driver.type("#candidate-name", name);
        driver.click("#add-candidate");
    }

    private static Double indexOf(Ranking ranking, String name) {
        return ranking.candidate(name).index();
    }

    private static String first(Ranking ranking) {
        return ranking.candidates().stream().filter(score -> score.rank() != null && score.rank() == 1)
                .map(Ranking.CandidateScore::name).findFirst().orElse("none");
    }

}
